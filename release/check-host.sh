#!/usr/bin/env bash
# Checks a host before Baoxue is installed or started on it; prints one line per check in Chinese
# and English and exits 1 when a check fails (warnings do not fail).
#
#   check-host.sh [--env /etc/baoxue/baoxue.env] [--java PATH] [--fonts-root DIR]
#                 [--time-zone ZONE] [--db HOST:PORT | --no-db]
#                 [--peer http://HOST:PORT | --peer ssh:HOST]... [--max-skew SECONDS]
#                 [--data-dir DIR] [--min-free-gb N]
#
# --peer  another node whose clock must agree with this one's: http://… compares the Date header
#         of its answer (whole seconds), ssh:HOST runs `date` there (needs a key for BatchMode)
set -uo pipefail

env_file=/etc/baoxue/baoxue.env
java=""
fonts_root=""
zone=""
db=""
check_db=true
peers=()
max_skew=2
data_dir=/var/lib/baoxue
min_free_gb=5
while (($#)); do
  case "$1" in
    --env) env_file="$2"; shift 2 ;;
    --java) java="$2"; shift 2 ;;
    --fonts-root) fonts_root="${2%/}"; shift 2 ;;
    --time-zone) zone="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --no-db) check_db=false; shift ;;
    --peer) peers+=("$2"); shift 2 ;;
    --max-skew) max_skew="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --min-free-gb) min_free_gb="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "未知选项 unknown option: $1" >&2; exit 2 ;;
  esac
done

# Settings the nodes will run with, when the env file is there already.
setting() { [ -r "$env_file" ] && sed -n "s/^$1=//p" "$env_file" | tail -1; }
[ -n "$zone" ] || zone=$(setting BAOXUE_TIMEZONE)
[ -n "$zone" ] || zone=Asia/Shanghai
if [ -z "$db" ]; then
  url=$(setting SPRING_DATASOURCE_URL)
  db=$(echo "${url:-jdbc:postgresql://127.0.0.1:5432/baoxue}" | sed -E 's|^jdbc:postgresql://([^/?]+).*|\1|')
  [[ "$db" == *:* ]] || db="$db:5432"
fi

failures=0 warnings=0
ok()   { echo "[通过 OK  ] $1 / $2"; }
warn() { echo "[警告 WARN] $1 / $2"; warnings=$((warnings + 1)); }
fail() { echo "[失败 FAIL] $1 / $2"; failures=$((failures + 1)); }

# -- Java 17 or later -----------------------------------------------------------------------------
if [ -z "$java" ]; then
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64/bin/java "$(command -v java 2>/dev/null)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { java="$candidate"; break; }
  done
fi
java_version=$([ -n "$java" ] && "$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
java_major=${java_version%%.*}
if [ -z "$java_version" ]; then
  fail "未找到 Java（需要 17 或更高版本）" "no Java found (17 or later needed): install openjdk-17-jre-headless from the bundle"
elif ((java_major < 17)); then
  fail "Java 版本过低：$java_version（需要 17 或更高）" "Java $java_version is too old (17 or later needed): $java"
else
  ok "Java $java_version" "Java $java_version: $java"
fi

# -- the Chinese fonts the documents embed (application.yaml, baoxue.documents.fonts) --------------
font=""
for candidate in /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
                 /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc; do
  [ -r "$fonts_root$candidate" ] && { font="$fonts_root$candidate"; break; }
done
if [ -n "$font" ]; then
  ok "中文字体：$font" "Chinese font for the documents: $font"
else
  fail "未找到中文字体，文书无法生成" "no Chinese font: the PDF documents cannot be made; install fonts-noto-cjk from the bundle"
fi

# -- time zone ------------------------------------------------------------------------------------
host_zone=""
command -v timedatectl >/dev/null && host_zone=$(timedatectl show -p Timezone --value 2>/dev/null)
[ -n "$host_zone" ] || host_zone=$(cat /etc/timezone 2>/dev/null)
[ -n "$host_zone" ] || host_zone=$(readlink /etc/localtime 2>/dev/null | sed 's|.*/zoneinfo/||')
if [ "$host_zone" = "$zone" ]; then
  ok "时区 $host_zone" "time zone $host_zone"
else
  warn "主机时区为 ${host_zone:-未知}，不是 $zone（保学仍按 $zone 计时，但系统日志时间不同）" \
       "the host's time zone is ${host_zone:-unknown}, not $zone (Baoxue still keeps $zone time; the system's logs will differ): timedatectl set-timezone $zone"
fi
if command -v timedatectl >/dev/null; then
  synced=$(timedatectl show -p NTPSynchronized --value 2>/dev/null)
  if [ "$synced" = yes ]; then
    ok "系统时钟已与时间服务器同步" "the system clock is synchronised (NTP)"
  elif [ -n "$synced" ]; then
    warn "系统时钟未与时间服务器同步，请配置内网 NTP 服务器" "the system clock is not synchronised: configure the intranet's NTP server (systemd-timesyncd or chrony)"
  fi
fi

# -- PostgreSQL reachable -------------------------------------------------------------------------
if $check_db; then
  db_host=${db%:*} db_port=${db##*:}
  if command -v pg_isready >/dev/null; then
    pg_isready -q -t 5 -h "$db_host" -p "$db_port"; status=$?
    reachable=$([ $status -eq 0 ] && echo yes || echo no)
  else
    reachable=$(timeout 5 bash -c "exec 3<>/dev/tcp/$db_host/$db_port" 2>/dev/null && echo yes || echo no)
  fi
  if [ "$reachable" = yes ]; then
    ok "数据库可连接 $db" "PostgreSQL reachable at $db"
  else
    fail "无法连接数据库 $db" "PostgreSQL not reachable at $db (is it running, listen_addresses, firewall?)"
  fi
fi

# -- clocks in sync with the other nodes ----------------------------------------------------------
now_ms() { date +%s%3N; }
for peer in "${peers[@]}"; do
  before=$(now_ms)
  case "$peer" in
    ssh:*)
      remote=$(ssh -o BatchMode=yes -o ConnectTimeout=5 "${peer#ssh:}" 'date +%s%3N' 2>/dev/null) ;;
    http://*|https://*)
      header=$(curl -ksS -o /dev/null -D - --max-time 5 "${peer%/}/actuator/health/liveness" 2>/dev/null \
        | tr -d '\r' | sed -n 's/^[Dd]ate: //p')
      remote=$([ -n "$header" ] && echo "$(date -d "$header" +%s)500") ;;  # a whole second: its middle
    *) echo "未知节点写法 unknown peer (http://HOST:PORT or ssh:HOST): $peer" >&2; exit 2 ;;
  esac
  after=$(now_ms)
  if [ -z "$remote" ]; then
    fail "无法读取 $peer 的时间" "cannot read the clock of $peer"
    continue
  fi
  skew_ms=$((remote - (before + after) / 2))
  skew_ms=${skew_ms#-}
  skew=$(awk -v ms="$skew_ms" 'BEGIN {printf "%.1f", ms / 1000}')
  if ((skew_ms <= max_skew * 1000)); then
    ok "与 $peer 的时钟相差 ${skew} 秒" "clock differs from $peer by ${skew} s (at most ${max_skew} s allowed)"
  else
    fail "与 $peer 的时钟相差 ${skew} 秒，超过 ${max_skew} 秒：请同步时钟" "clock differs from $peer by ${skew} s, more than ${max_skew} s: synchronise the clocks (NTP)"
  fi
done

# -- free disk ------------------------------------------------------------------------------------
probe="$data_dir"
while [ ! -e "$probe" ] && [ "$probe" != / ]; do probe=$(dirname "$probe"); done
free_kb=$(df -Pk "$probe" | awk 'NR == 2 {print $4}')
free_gb=$((free_kb / 1024 / 1024))
if ((free_gb >= min_free_gb)); then
  ok "磁盘剩余 ${free_gb} GB（$probe）" "${free_gb} GB free at $probe"
else
  fail "磁盘剩余仅 ${free_gb} GB（$probe），至少需要 ${min_free_gb} GB" "only ${free_gb} GB free at $probe, at least ${min_free_gb} GB needed"
fi

if ((failures)); then
  echo "检查未通过：${failures} 项失败，${warnings} 项警告 / check failed: ${failures} failed, ${warnings} warnings"
  exit 1
fi
echo "检查通过（${warnings} 项警告） / host ready (${warnings} warnings)"
