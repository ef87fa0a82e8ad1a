using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Training.Checkpoints;

/// <summary>
/// The checkpoint file format, little-endian:
/// <c>"PTCK" | version int32 | step int64 | optimizer kind int32 | slot count int32 | parameter count int32</c>,
/// then per parameter <c>name (int32 length + UTF-8) | rank int32 | dims int32[rank] | values float32[n] | each slot float32[n]</c>,
/// then the CRC-32 of every byte before it (uint32).
/// </summary>
internal static class CheckpointFormat
{
    public const int Version = 1;
    private static readonly byte[] Magic = "PTCK"u8.ToArray();

    public static void Write(Stream stream, Checkpoint checkpoint)
    {
        RequireLittleEndian();
        var writer = new CheckedWriter(stream);
        writer.Bytes(Magic);
        writer.Int32(Version);
        writer.Int64(checkpoint.Step);
        writer.Int32((int)checkpoint.Optimizer);
        var slots = Optimization.OptimizerRule.SlotCount(checkpoint.Optimizer);
        writer.Int32(slots);
        writer.Int32(checkpoint.Parameters.Count);
        foreach (var parameter in checkpoint.Parameters)
        {
            if (parameter.Slots.Count != slots)
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' has {parameter.Slots.Count} optimizer slots; {checkpoint.Optimizer} keeps {slots}.", nameof(checkpoint));
            }

            var name = Encoding.UTF8.GetBytes(parameter.Name);
            writer.Int32(name.Length);
            writer.Bytes(name);
            writer.Int32(parameter.Shape.Length);
            foreach (var dimension in parameter.Shape)
            {
                writer.Int32(dimension);
            }

            writer.Bytes(MemoryMarshal.AsBytes(parameter.Values.AsSpan()));
            foreach (var slot in parameter.Slots)
            {
                writer.Bytes(MemoryMarshal.AsBytes(slot.AsSpan()));
            }
        }

        writer.Trailer();
    }

    /// <summary>Reads a checkpoint; throws <see cref="InvalidDataException"/> when the file is torn, corrupt or of another format.</summary>
    public static Checkpoint Read(Stream stream)
    {
        RequireLittleEndian();
        var reader = new CheckedReader(stream);
        if (!reader.Bytes(4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a checkpoint file (no PTCK header).");
        }

        var version = reader.Int32();
        if (version != Version)
        {
            throw new InvalidDataException($"Checkpoint format version {version} is not supported (this library reads {Version}).");
        }

        var step = reader.Int64();
        var optimizer = (OptimizerKind)reader.Int32();
        var slots = reader.Int32();
        if (!Enum.IsDefined(optimizer) || slots != Optimization.OptimizerRule.SlotCount(optimizer))
        {
            throw new InvalidDataException($"Checkpoint names optimizer {(int)optimizer} with {slots} slots, which this library does not know.");
        }

        var count = reader.Int32();
        var parameters = new List<CheckpointParameter>();
        for (var index = 0; index < count; index++)
        {
            parameters.Add(ReadParameter(reader, slots));
        }

        reader.CheckTrailer();
        return new Checkpoint(step, optimizer, parameters);
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Checkpoints and the wire format store float32 little-endian; this machine is big-endian.");
        }
    }

    private static CheckpointParameter ReadParameter(CheckedReader reader, int slotCount)
    {
        var name = Encoding.UTF8.GetString(reader.Bytes(reader.Length(1 << 16)));
        var shape = new int[reader.Length(64)];
        for (var d = 0; d < shape.Length; d++)
        {
            shape[d] = reader.Int32();
        }

        var length = new ParameterInfo(name, shape).Length;
        if (shape.Any(dimension => dimension < 1) || length > Array.MaxLength)
        {
            throw new InvalidDataException($"Parameter '{name}' in the checkpoint has an invalid shape.");
        }

        var values = reader.Floats((int)length);
        var slots = Enumerable.Range(0, slotCount).Select(_ => reader.Floats((int)length)).ToArray();
        return new CheckpointParameter(name, shape, values, slots);
    }

    private sealed class CheckedWriter(Stream stream)
    {
        private readonly Crc32 _crc = new();
        private readonly byte[] _scratch = new byte[8];

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            _crc.Append(bytes);
            stream.Write(bytes);
        }

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
            Bytes(_scratch.AsSpan(0, 4));
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
            Bytes(_scratch);
        }

        public void Trailer()
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_scratch, _crc.Value);
            stream.Write(_scratch.AsSpan(0, 4));
        }
    }

    private sealed class CheckedReader(Stream stream)
    {
        private readonly Crc32 _crc = new();

        public byte[] Bytes(int count)
        {
            var bytes = new byte[count];
            Fill(bytes);
            return bytes;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public int Length(int max)
        {
            var value = Int32();
            return value >= 0 && value <= max ? value : throw new InvalidDataException($"Checkpoint holds a length of {value}; the file is corrupt.");
        }

        public float[] Floats(int count)
        {
            var values = new float[count];
            Fill(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        public void CheckTrailer()
        {
            var expected = _crc.Value;
            Span<byte> trailer = stackalloc byte[4];
            if (stream.ReadAtLeast(trailer, 4, throwOnEndOfStream: false) < 4)
            {
                throw new InvalidDataException("Checkpoint ends before its checksum; the file is torn.");
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != expected || stream.ReadByte() != -1)
            {
                throw new InvalidDataException("Checkpoint checksum does not match; the file is corrupt.");
            }
        }

        private void Fill(Span<byte> buffer)
        {
            try
            {
                stream.ReadExactly(buffer);
            }
            catch (EndOfStreamException exception)
            {
                throw new InvalidDataException("Checkpoint ends early; the file is torn.", exception);
            }

            _crc.Append(buffer);
        }
    }
}
