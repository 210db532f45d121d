/*
 * The phone's copy of the field app's data, in IndexedDB: "data" keeps the user's session, tasks
 * and cases (each with the time it was saved, so that old copies can be wiped), "queue" the
 * entries typed and not yet recorded by the server (kept until the server answers, or the user
 * decides, or logs out), "sent" the last entries the server recorded.
 *
 * A dozen lines over IndexedDB's requests rather than the `idb` package: the app needs get, put,
 * delete, list and wipe on three stores, and a hand-written wrapper keeps the app free of a build
 * step and of a vendored file to keep up to date.
 */
'use strict';
window.FieldStore = (function () {
  var NAME = 'baoxue-field';
  var db = null;

  function done(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function open() {
    if (db) { return Promise.resolve(db); }
    var request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = function () {
      var d = request.result;
      d.createObjectStore('data', { keyPath: 'key' });
      d.createObjectStore('queue', { keyPath: 'clientId' });
      d.createObjectStore('sent', { keyPath: 'clientId' });
    };
    return done(request).then(function (opened) { db = opened; return db; });
  }

  function store(name, mode) {
    return open().then(function (d) { return d.transaction(name, mode).objectStore(name); });
  }

  function finished(name, work) {
    return open().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(name, 'readwrite');
        work(tx.objectStore(name));
        tx.oncomplete = function () { resolve(); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  return {
    get: function (name, key) { return store(name, 'readonly').then(function (s) { return done(s.get(key)); }); },
    all: function (name) { return store(name, 'readonly').then(function (s) { return done(s.getAll()); }); },
    /** Resolves once the value is on disk (the transaction committed), not merely queued. */
    put: function (name, value) { return finished(name, function (s) { s.put(value); }); },
    remove: function (name, key) { return finished(name, function (s) { s.delete(key); }); },
    clear: function (name) { return finished(name, function (s) { s.clear(); }); },
    /** Deletes the whole database: logging out leaves nothing of the user's on the phone. */
    wipe: function () {
      if (db) { db.close(); db = null; }
      return done(indexedDB.deleteDatabase(NAME)).catch(function () { return null; });
    }
  };
})();
