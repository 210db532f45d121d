#!/usr/bin/env bash
# Installs Baoxue from this offline bundle. It never uses the network: the Debian packages are the
# .deb files in debs/ (apt-get --no-download refuses rather than fetch a missing one).
#
#   ./install.sh [--prefix /opt/baoxue] [--roles node,proxy] [--nodes a,b]
#                [--node-a HOST:PORT] [--node-b HOST:PORT] [--proxy-address IP]
#                [--root DIR] [--dry-run]
#
# --roles          what this host is: node (Baoxue nodes: JRE, fonts, unit), proxy (HAProxy and
#                  its configuration), database (PostgreSQL 15 and Baoxue's settings); default node,proxy
# --nodes          the node instances this host runs (systemd baoxue@a, baoxue@b); default a,b
# --node-a/-b      where HAProxy finds the nodes; default 127.0.0.1:8081 and 127.0.0.1:8082
#                  (the node listens on that address and port: SERVER_ADDRESS, SERVER_PORT)
# --proxy-address  HAProxy's address as the nodes see it (trusted for X-Forwarded-*); default 127.0.0.1
# --root DIR       install beneath DIR instead of / (a staging tree, or a test): packages are
#                  unpacked with dpkg-deb -x (no maintainer scripts), no user is created and
#                  systemd is not touched
# --dry-run        print every step, change nothing
set -euo pipefail
bundle=$(cd "$(dirname "$0")" && pwd)

prefix=/opt/baoxue
roles=node,proxy
nodes=a,b
node_a=127.0.0.1:8081
node_b=127.0.0.1:8082
proxy_address=127.0.0.1
root=""
dry_run=false
while (($#)); do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --roles) roles="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --node-a) node_a="$2"; shift 2 ;;
    --node-b) node_b="$2"; shift 2 ;;
    --proxy-address) proxy_address="$2"; shift 2 ;;
    --root) root=$(realpath -m "$2"); shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "未知选项 unknown option: $1" >&2; exit 2 ;;
  esac
done
has_role() { [[ ",$roles," == *",$1,"* ]]; }
for role in ${roles//,/ }; do
  case "$role" in node|proxy|database) ;; *) echo "未知角色 unknown role: $role" >&2; exit 2 ;; esac
done

say() { echo "[install] $*"; }
# Every change goes through run, so that --dry-run shows exactly what a real run does.
run() {
  echo "+ $*"
  $dry_run || "$@"
}
# Copies a bundle file to its place with @NAME@ placeholders filled in.
render() {
  local source="$1" target="$2" mode="$3"; shift 3
  local expression=()
  while (($#)); do expression+=(-e "s|@$1@|$2|g"); shift 2; done
  echo "+ render $source -> $target (mode $mode)"
  $dry_run && return 0
  mkdir -p "$(dirname "$target")"
  sed "${expression[@]}" "$bundle/$source" > "$target.new"
  chmod "$mode" "$target.new"
  mv "$target.new" "$target"
}
keep_or_render() {
  if [ -e "$2" ]; then say "保留已有配置 keeping the existing $2"; else render "$@"; fi
}

version=$(sed -n 's/^version=//p' "$bundle/VERSION")
say "保学 Baoxue $version → ${root}${prefix}  (roles: $roles; nodes: $nodes)"

say "校验安装包 checking the bundle's checksums"
(cd "$bundle" && sha256sum --quiet --strict -c SHA256SUMS) || { echo "安装包已损坏 the bundle is damaged" >&2; exit 1; }

# -- Debian packages ------------------------------------------------------------------------------
debs=()
for role in node proxy database; do
  has_role "$role" || continue
  grep -qw "$role" "$bundle/debs/ROLES" \
    || { echo "本安装包未含 $role 的软件包 this bundle holds no packages for role $role (build-bundle.sh --roles)" >&2; exit 1; }
  while read -r _ file _; do debs+=("$bundle/debs/$file"); done < "$bundle/debs/$role.txt"
done
if ((${#debs[@]})); then
  if [ -n "$root" ]; then
    say "解包 ${#debs[@]} 个软件包 unpacking ${#debs[@]} packages into $root"
    for deb in "${debs[@]}"; do run dpkg-deb -x "$deb" "$root"; done
  else
    say "安装 ${#debs[@]} 个软件包（不联网） installing ${#debs[@]} packages from the bundle, no download"
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-download \
      -o Acquire::Retries=0 "${debs[@]}"
  fi
fi

# -- the application ------------------------------------------------------------------------------
r="$root"
if [ -z "$root" ] && has_role node && ! getent passwd baoxue >/dev/null; then
  run useradd --system --user-group --home-dir /var/lib/baoxue --shell /usr/sbin/nologin baoxue
fi
run mkdir -p "$r$prefix/lib" "$r$prefix/bin" "$r$prefix/share" "$r/etc/baoxue"
run install -m 644 "$bundle/lib/baoxue.jar" "$r$prefix/lib/baoxue.jar"
run install -m 644 "$bundle/VERSION" "$r$prefix/VERSION"
run install -m 755 "$bundle/check-host.sh" "$r$prefix/bin/check-host.sh"
run install -m 644 "$bundle/README.txt" "$r$prefix/share/README.txt"
run cp -r "$bundle/postgresql" "$r$prefix/share/"

if has_role node; then
  keep_or_render config/baoxue.env.example "$r/etc/baoxue/baoxue.env" 640 PROXY_ADDRESS "$proxy_address"
  for node in ${nodes//,/ }; do
    case "$node" in a) address="$node_a" ;; b) address="$node_b" ;; *) echo "未知节点 unknown node: $node" >&2; exit 2 ;; esac
    keep_or_render config/node.env.template "$r/etc/baoxue/node-$node.env" 640 NODE "$node" HOST "${address%:*}" PORT "${address##*:}"
    run mkdir -p "$r/var/lib/baoxue/$node"
  done
  render systemd/baoxue@.service "$r/etc/systemd/system/baoxue@.service" 644 PREFIX "$prefix"
  if [ -z "$root" ]; then
    run chgrp baoxue /etc/baoxue/baoxue.env /etc/baoxue/node-*.env
    run chown -R baoxue:baoxue /var/lib/baoxue
  fi
fi

if has_role proxy; then
  if [ -e "$r/etc/haproxy/haproxy.cfg" ] && ! grep -q 'backend nodes' "$r/etc/haproxy/haproxy.cfg"; then
    run cp "$r/etc/haproxy/haproxy.cfg" "$r/etc/haproxy/haproxy.cfg.before-baoxue"
  fi
  render haproxy/haproxy.cfg "$r/etc/haproxy/haproxy.cfg" 644 NODE_A "$node_a" NODE_B "$node_b"
  run mkdir -p "$r/etc/haproxy/certs"
fi

if has_role database; then
  render postgresql/baoxue.conf "$r/etc/postgresql/15/main/conf.d/baoxue.conf" 644
fi

if [ -z "$root" ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  run systemctl daemon-reload
  for node in ${nodes//,/ }; do has_role node && run systemctl enable "baoxue@$node"; done
fi

say "完成 done. 下一步 next steps:"
cat <<STEPS
  1. 填写数据库和管理员密码 set the passwords in ${r}/etc/baoxue/baoxue.env
  2. 证书 TLS certificate chain + key: /etc/haproxy/certs/baoxue.pem (proxy)
  3. 检查主机 check the host: ${prefix}/bin/check-host.sh --peer http://<other node>:<port>
  4. 启动 start: systemctl start baoxue@a; then baoxue@b once a is healthy; systemctl restart haproxy
STEPS
