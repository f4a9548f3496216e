#!/usr/bin/env bash
# The image's HEALTHCHECK: the application's readiness group over plain bash (/dev/tcp), because the JRE base image
# does not promise curl or wget. Exit 0 when the answer is 200 with status UP. Usage: jitgroups-healthcheck [path]
set -eu
path=${1:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/${SERVER_PORT:-3978}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
answer=$(cat <&3)
case "$answer" in
  "HTTP/1.1 200"*'"status":"UP"'*) exit 0 ;;
  *) echo "not ready: ${answer%%$'\r'*}" >&2; exit 1 ;;
esac
