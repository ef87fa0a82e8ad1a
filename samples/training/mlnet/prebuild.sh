#!/usr/bin/env bash
# Publishes the trainer self-contained for linux-x64 into .publish/, which the Dockerfile copies
# (scripts/images.sh runs this before the build). No .NET runtime is needed in the image.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf .publish
dotnet publish Platform.Samples.MLNet.csproj -c Release -r linux-x64 --self-contained \
  -p:DebugType=none -o .publish -nologo -clp:ErrorsOnly
