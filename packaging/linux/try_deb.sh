#!/usr/bin/env bash
# The .deb's "done when", on a Debian/Ubuntu machine, as root (it installs and removes the
# package): install it with apt-get, start Variorum from the installed menu entry under Xvfb,
# hand a second `variorum FILE` to that window, look at the screen, remove the package and
# check that nothing of it is left. The user is a fresh one (HOME in a temporary folder), so no
# real user's library is touched.
#     sudo packaging/linux/try_deb.sh [dist/variorum_0.1.0_amd64.deb] [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
DEB=$(realpath "${1:-$(find dist -maxdepth 1 -name 'variorum_*.deb' | sort | tail -1)}")
SHOT=$(realpath -m "${2:-build/try-deb.png}")
ID=io.github.variorum.Variorum
SAMPLE=$(realpath desktop/variorum/resources/samples/02-repost-edited.txt)
HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
export HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
XVFB_PID="" APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
wait_for() { # wait_for SECONDS COMMAND...: poll every 50 ms
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

step "apt-get install $DEB"
apt-get install -y -q "$DEB" 2>&1 | grep -E "^(Setting up|Processing triggers|Unpacking)|variorum" || true
dpkg-query -W -f='${Package} ${Version} ${Status}\n' variorum
echo "Depends: $(dpkg-query -W -f='${Depends}' variorum)"
variorum --version
desktop-file-validate "/usr/share/applications/$ID.desktop" && echo "desktop-file-validate: ok"
appstreamcli validate --no-net "/usr/share/metainfo/$ID.metainfo.xml" | tail -1
man -w variorum

step "start from the menu entry (gtk-launch $ID) under Xvfb"
Xvfb :97 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=:97
wait_for 10 xdpyinfo
started=$(date +%s%N)
gtk-launch "$ID"
wait_for 60 xdotool search --onlyvisible --name '^Variorum$'
echo "window shown $(( ($(date +%s%N) - started) / 1000000 )) ms after gtk-launch"
WINDOW=$(xdotool search --onlyvisible --name '^Variorum$' | head -1)
APP_PID=$(xdotool getwindowpid "$WINDOW")
xprop -id "$WINDOW" WM_CLASS _NET_WM_PID
grep -E "^(Exec|StartupWMClass)=" "/usr/share/applications/$ID.desktop"
LIBRARY="$HOME/.local/share/variorum/library.sqlite3"
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect('file:$LIBRARY?mode=ro', uri=True).execute('select count(*) from articles').fetchone()[0])" 2>/dev/null || echo 0; }
sleep 2  # let the window's event loop settle (the hand-off would wait for it anyway)

step "a second 'variorum $SAMPLE' while the window runs"
before=$(count)
started=$(date +%s%N)
rc=0; variorum "$SAMPLE" || rc=$?
echo "second process: exit $rc after $(( ($(date +%s%N) - started) / 1000000 )) ms"
[ "$rc" = 0 ]
wait_for 30 test "$(count)" -gt "$before"
echo "articles in the window's library: $before -> $(count), $(( ($(date +%s%N) - started) / 1000000 )) ms after the second start"
processes=$(pgrep -c -x variorum || true)
echo "variorum processes running: $processes"
sleep 1
"$(dirname "$0")/../../.venv/bin/python" - "$SHOT" <<'EOF'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1])
print("screen saved to", sys.argv[1])
EOF
kill "$APP_PID"; APP_PID=""

step "apt-get remove variorum"
apt-get remove -y -q variorum 2>&1 | grep -E "^(Removing|Processing triggers)" || true
dpkg-query -W -f='${Package} ${Status}\n' variorum 2>/dev/null || echo "variorum: not known to dpkg"
left=$(ls -d /opt/variorum /usr/bin/variorum "/usr/share/applications/$ID.desktop" \
    "/usr/share/metainfo/$ID.metainfo.xml" /usr/share/doc/variorum \
    /usr/share/man/man1/variorum.1.gz 2>/dev/null; \
    find /usr/share/icons/hicolor -name "$ID.*" 2>/dev/null)
if [ -n "$left" ]; then echo "LEFT BEHIND:"; echo "$left"; exit 1; fi
echo "nothing of the package is left"
