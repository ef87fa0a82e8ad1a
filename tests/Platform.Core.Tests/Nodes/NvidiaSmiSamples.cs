namespace Platform.Core.Tests.Nodes;

/// <summary>
/// Recorded output of <c>nvidia-smi --query-gpu=index,uuid,name,memory.total --format=csv,noheader</c>
/// on three machines. Kept as constants because the test project's csproj copies no data files.
/// </summary>
internal static class NvidiaSmiSamples
{
    public const string OneT4 = """
        0, GPU-3f8e2a71-9c4d-4b6e-a1d2-7e5f90b3c6a8, Tesla T4, 15360 MiB

        """;

    public const string FourA100 = """
        0, GPU-8a1c5e2f-3b7d-4f90-9e6a-2c4d8b1f7e35, NVIDIA A100-SXM4-40GB, 40960 MiB
        1, GPU-d24b9f06-71ae-4c83-b5d2-9f0e6a3c1b74, NVIDIA A100-SXM4-40GB, 40960 MiB
        2, GPU-5e7c3a19-0d6f-42b8-8c1e-4a9b2d7f6e03, NVIDIA A100-SXM4-40GB, 40960 MiB
        3, GPU-b19f4d82-6e3a-4705-a9c7-1d5e8f2b0c96, NVIDIA A100-SXM4-40GB, 40960 MiB

        """;

    public const string EightH100 = """
        0, GPU-1b7a3c8e-5f0e-2b9d-8c11-6a3f2e9d0c41, NVIDIA H100 80GB HBM3, 81559 MiB
        1, GPU-7c2e9a40-3d1b-4f68-b5e7-0a9c4d2f8e16, NVIDIA H100 80GB HBM3, 81559 MiB
        2, GPU-e4f61b2d-8a9c-4e07-93d5-6b1a7c0e2f58, NVIDIA H100 80GB HBM3, 81559 MiB
        3, GPU-29d8c5f3-b0e4-4a16-8f7c-3e5d9a1b6c20, NVIDIA H100 80GB HBM3, 81559 MiB
        4, GPU-a6b03e7f-4c2d-49e8-a1f5-8d7c2b9e0a34, NVIDIA H100 80GB HBM3, 81559 MiB
        5, GPU-0f5c8d21-e7a9-4b3c-9d06-5a2e1f8c7b49, NVIDIA H100 80GB HBM3, 81559 MiB
        6, GPU-c83a7e15-2f6b-4d90-b4e8-9c1d3a5f0e72, NVIDIA H100 80GB HBM3, 81559 MiB
        7, GPU-6d4e1b98-a3c7-4f25-8e0b-7f9a2c6d1e53, NVIDIA H100 80GB HBM3, 81559 MiB

        """;
}
