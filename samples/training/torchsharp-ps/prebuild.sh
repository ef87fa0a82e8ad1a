#!/usr/bin/env bash
# Publishes the sample self-contained for linux-x64 into .publish/app, which the Dockerfile copies
# (scripts/images.sh runs this before `docker build`). TORCHSHARP_VARIANT=cuda builds against
# TorchSharp-cuda-linux instead of TorchSharp-cpu, where a NuGet feed serves it.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf .publish
dotnet publish Platform.Samples.TorchSharpPs.csproj -c Release -r linux-x64 --self-contained -o .publish/app \
  -p:TorchSharpVariant="${TORCHSHARP_VARIANT:-cpu}" -p:DebugType=none -warnaserror -nologo -clp:ErrorsOnly
# TorchSharp loads libtorch, libtorch_cpu and libc10 only; libtorch's Python bindings and test
# libraries are dead weight in the image.
rm -f .publish/app/{libtorch_python,libshm,libjitbackend_test,libtorchbind_test,libbackend_with_compiler,libaoti_custom_ops,libnnapi_backend}.so
