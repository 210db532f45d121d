/*
 * The field app's service worker: keeps the app shell (page, script, style, manifest, icons) so
 * that the app opens without signal. It answers only the shell's own requests, from its cache
 * first; the app's data requests (/api/field/…) are never answered here: the page sends them
 * itself, so that an offline phone sees them fail and queues the entry, and the data it keeps
 * lives in IndexedDB, where logging out wipes it with the caches.
 */
'use strict';
var SHELL = 'baoxue-field-shell-v1';
var FILES = ['/m/', '/m/app.js', '/m/store.js', '/m/app.css', '/m/manifest.json', '/m/icon-192.png', '/m/icon-512.png'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(FILES); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

/*
 * Asked by the page each time the app opens: fills in whatever the shell cache lacks. Logging out
 * wipes every cache while this worker stays installed, so the next user's app would otherwise be
 * kept only in part and not open without signal. A redirect (to the login page) is never kept.
 */
self.addEventListener('message', function (event) {
  if (event.data !== 'keep-shell') { return; }
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all(FILES.map(function (path) {
      return cache.match(path).then(function (cached) {
        if (cached) { return null; }
        return fetch(path, { credentials: 'same-origin' }).then(function (response) {
          if (response.ok && !response.redirected) { return cache.put(path, response); }
          return null;
        }, function () { return null; });
      });
    }));
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var path = request.mode === 'navigate' && (url.pathname === '/m/' || url.pathname === '/m/index.html') ? '/m/' : url.pathname;
  if (FILES.indexOf(path) < 0) { return; }
  event.respondWith(caches.open(SHELL).then(function (cache) {
    return cache.match(path).then(function (cached) {
      var fresh = fetch(request).then(function (response) {
        // A redirect to the login page is no shell: the cached shell stays.
        if (response.ok && !response.redirected) { cache.put(path, response.clone()); }
        return response;
      });
      if (cached) {
        fresh.catch(function () { return null; });
        return cached;
      }
      return fresh;
    });
  }));
});
