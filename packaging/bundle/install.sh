#!/usr/bin/env bash
# Installs edge from this bundle with neither a compiler nor a network: a virtual environment from the bundled
# wheels (each checked against requirements.lock's sha256), every model file checked by `edge doctor`, and, as
# root on a systemd machine, a service. Running it again changes nothing that is already in place.
#
#   sudo ./install.sh                       /opt/edge-runtime, the edge user, and the edge-serve service
#   sudo ./install.sh --service listen      the headless voice loop (microphone and speaker) instead
#   ./install.sh --prefix ~/edge            no root: an environment only, run ~/edge/venv/bin/edge
#   sudo ./install.sh --uninstall [--purge] remove the service and the environment; --purge also the data
#
# Options: --prefix DIR (default /opt/edge-runtime as root, else ~/.local/share/edge-runtime),
# --service serve|listen|none (default serve as root, none otherwise), --no-start, --python PYTHON.
set -euo pipefail

bundle=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
say() { printf 'install: %s\n' "$*" >&2; }
die() { printf 'install: error: %s\n' "$*" >&2; exit 1; }

root_user=false
[[ $(id -u) == 0 ]] && root_user=true
if $root_user; then prefix=/opt/edge-runtime; service=serve; else prefix=${XDG_DATA_HOME:-$HOME/.local/share}/edge-runtime; service=none; fi
python=""
uninstall=false
purge=false
start=true
while (( $# )); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --service) service=${2:?--service needs serve, listen or none}; shift 2 ;;
    --python) python=${2:?--python needs an interpreter}; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    --purge) purge=true; shift ;;
    --no-start) start=false; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1. Fix: see ./install.sh --help" ;;
  esac
done
case $service in serve|listen|none) ;; *) die "--service $service: use serve, listen or none" ;; esac
prefix=$(realpath -m "$prefix")
venv=$prefix/venv
unit_dir=/etc/systemd/system
state_dir=/var/lib/edge

field() { sed -n "s/^ *\"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$bundle/bundle.json"; }
want_python=$(field python)
want_arch=$(field arch)

remove_services() {
  for name in edge-serve edge-listen; do
    if [[ -f $unit_dir/$name.service ]]; then
      say "removing the $name service"
      systemctl disable --now "$name.service" >/dev/null 2>&1 || true
      rm -f "$unit_dir/$name.service"
    fi
  done
  command -v systemctl >/dev/null && systemctl daemon-reload 2>/dev/null || true
}

if $uninstall; then
  $root_user && remove_services
  [[ -d $venv ]] && { say "removing $prefix"; rm -rf "$venv" "$prefix/bundle.json"; rmdir "$prefix" 2>/dev/null || true; }
  if $purge && $root_user; then
    say "removing the data in $state_dir and /etc/edge, and the edge user"
    rm -rf "$state_dir" /etc/edge /var/cache/edge
    id edge >/dev/null 2>&1 && userdel edge
  elif $root_user; then
    say "kept the data in $state_dir and /etc/edge (--purge removes them)"
  fi
  exit 0
fi

[[ $(uname -m) == "$want_arch" ]] || die "this bundle is for $want_arch and this machine is $(uname -m). Fix: build one with packaging/build-bundle --arch $(uname -m)"
if [[ -z $python ]]; then
  python=python$want_python
  command -v "$python" >/dev/null || python=python3
fi
command -v "$python" >/dev/null || die "$python not found. Fix: apt install python$want_python python3-venv"
have=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[[ $have == "$want_python" ]] || die "$python is Python $have and this bundle's wheels are for $want_python. Fix: --python python$want_python, or a bundle built with --python $have"
"$python" -c 'import venv, ensurepip' 2>/dev/null || die "Python's venv module is missing. Fix: apt install python3-venv"

if [[ -f $prefix/bundle.json ]] && cmp -s "$prefix/bundle.json" "$bundle/bundle.json" && [[ -x $venv/bin/edge ]]; then
  say "edge $(field version) is already installed in $venv"
else
  say "installing edge $(field version) into $venv (no network needed)"
  mkdir -p "$prefix"
  [[ -x $venv/bin/python ]] || "$python" -m venv "$venv"
  # The bundle alone: no index, no user or system pip configuration, every wheel checked against the lock.
  PIP_CONFIG_FILE=/dev/null "$venv/bin/python" -m pip install --disable-pip-version-check -q --no-index \
    --find-links "$bundle/wheelhouse" --require-hashes --no-deps -r "$bundle/requirements.lock" \
    || die "pip could not install the bundled wheels (see above). Fix: copy the bundle again; a wheel may be damaged"
  cp "$bundle/bundle.json" "$prefix/bundle.json"
fi

say "checking every model file (sha256) and what this device has"
if $root_user && [[ $service != none ]]; then
  doctor_env=(env XDG_DATA_HOME=/var/lib XDG_CONFIG_HOME=/etc)
else
  doctor_env=(env)
fi
"${doctor_env[@]}" "$venv/bin/edge" doctor || die "edge doctor found a problem (above). Fix: what it names, then run ./install.sh again"

if [[ $service == none ]]; then
  say "done: $venv/bin/edge (add $venv/bin to PATH)"
  exit 0
fi
$root_user || die "installing the service needs root. Fix: sudo ./install.sh, or --service none"
[[ -d /run/systemd/system ]] || die "systemd is not running here. Fix: --service none, and start $venv/bin/edge yourself"

if ! id edge >/dev/null 2>&1; then
  say "adding the system user edge (group audio)"
  useradd --system --home-dir "$state_dir" --no-create-home --shell /usr/sbin/nologin --groups audio edge
fi
other=edge-listen
[[ $service == listen ]] && other=edge-serve
if [[ -f $unit_dir/$other.service ]]; then
  systemctl disable --now "$other.service" >/dev/null 2>&1 || true
  rm -f "$unit_dir/$other.service"
fi
sed "s|@PREFIX@|$prefix|g" "$bundle/edge-$service.service" > "$unit_dir/edge-$service.service.new"
mv "$unit_dir/edge-$service.service.new" "$unit_dir/edge-$service.service"
systemctl daemon-reload
if $start; then
  systemctl enable --now "edge-$service.service"
  say "edge-$service is running: systemctl status edge-$service, journalctl -u edge-$service"
else
  systemctl enable "edge-$service.service"
  say "edge-$service is enabled; it starts at boot (systemctl start edge-$service now)"
fi
