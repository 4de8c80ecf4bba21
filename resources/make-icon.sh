#!/usr/bin/env bash
# Draws the app icon (build/icon.png, 512x512: a white speech balloon on the app's orange) with ffmpeg's lavfi, so
# the icon is made, not downloaded. electron-builder derives each platform's icon from it (directories.buildResources).
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg=${FFMPEG_PATH:-$(node -e "console.log(require('@ffmpeg-installer/ffmpeg').path)")}
inside_balloon='lt(pow((X-256)/190,2)+pow((Y-220)/130,2),1)'
inside_tail='(gt(Y,300)*lt(Y,420)*gt(X,150+(Y-300)*0.25)*lt(X,230-(Y-300)*0.55))'
"$ffmpeg" -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0xe8572a:s=512x512" \
  -f lavfi -i "color=c=white:s=512x512,format=rgba,geq=r=255:g=255:b=255:a='if(${inside_balloon}+${inside_tail},255,0)'" \
  -filter_complex "[0][1]overlay,format=rgb24" -frames:v 1 build/icon.png
echo "wrote $(pwd)/build/icon.png"
