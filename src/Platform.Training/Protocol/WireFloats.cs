using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Platform.Training.Protocol;

/// <summary>Tensors on the wire: bytes holding float32 values, little-endian (the byte order of every machine .NET runs on here).</summary>
internal static class WireFloats
{
    public static ByteString ToBytes(ReadOnlySpan<float> values) => ByteString.CopyFrom(MemoryMarshal.AsBytes(values));

    public static ReadOnlySpan<float> AsFloats(ByteString bytes) =>
        bytes.Length % sizeof(float) == 0
            ? MemoryMarshal.Cast<byte, float>(bytes.Span)
            : throw new ArgumentException($"A tensor of {bytes.Length} bytes is not a whole number of float32 values.");

    public static float[] ToArray(ByteString bytes) => AsFloats(bytes).ToArray();
}
