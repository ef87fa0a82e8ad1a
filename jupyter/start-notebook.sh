#!/bin/sh
# Starts JupyterLab for the platform. The contract (see README.md):
#   JUPYTER_TOKEN       required; jupyter_server reads it from the environment, so it is never on a
#                       command line, and it prints the URL with the token masked as "...".
#   PLATFORM_TASK_PORT  the port to listen on, all interfaces (host networking); default 8888.
#   JUPYTER_BASE_URL    the path prefix the gateway's proxy forwards, e.g. /notebooks/nb-1/; default /.
# The work folder is /home/jovyan/work (the platform may mount a volume there); the samples are
# copied into it when they are not there yet.
set -eu

if [ -z "${JUPYTER_TOKEN:-}" ]; then
  echo "start-notebook: JUPYTER_TOKEN is not set; refusing to start a notebook server without a token" >&2
  exit 2
fi

port="${PLATFORM_TASK_PORT:-8888}"
case "$port" in
  ''|*[!0-9]*) echo "start-notebook: PLATFORM_TASK_PORT must be a port number, not '$port'" >&2; exit 2 ;;
esac
if [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "start-notebook: PLATFORM_TASK_PORT must be between 1 and 65535, not $port" >&2
  exit 2
fi

base_url="${JUPYTER_BASE_URL:-/}"
case "$base_url" in
  /*) ;;
  *) echo "start-notebook: JUPYTER_BASE_URL must start with '/', not '$base_url'" >&2; exit 2 ;;
esac

work=/home/jovyan/work
mkdir -p "$work"
for sample in /opt/platform/samples/*.ipynb; do
  [ -e "$work/$(basename "$sample")" ] || cp "$sample" "$work/"
done

# The gateway's proxy forwards the browser's Origin while Host names this server, so a fixed
# origin check would refuse the kernel's websocket; the token guards every request instead.
# News and update checks are off: nodes need not reach the internet.
exec jupyter lab \
  --ip=0.0.0.0 \
  --port="$port" \
  --port-retries=0 \
  --no-browser \
  --allow-root \
  --ServerApp.base_url="$base_url" \
  --ServerApp.root_dir="$work" \
  --ServerApp.allow_origin='*' \
  --LabApp.news_url=None \
  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  --LabApp.extension_manager=readonly
