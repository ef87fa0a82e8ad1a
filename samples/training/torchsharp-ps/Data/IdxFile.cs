using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Samples.TorchSharpPs.Data;

/// <summary>
/// An IDX file of unsigned bytes (the MNIST format): a magic number <c>0x0000_08_NN</c> (type 8 =
/// ubyte, NN dimensions), NN big-endian int32 sizes, then the data. Gzipped files are read as they
/// are, detected by their magic bytes.
/// </summary>
public sealed record IdxFile(int[] Dimensions, byte[] Data)
{
    private const byte UnsignedByteType = 0x08;

    public static IdxFile Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file, path);
    }

    public static IdxFile Read(Stream stream, string name)
    {
        var buffered = new BufferedStream(stream);
        Span<byte> gzipMagic = stackalloc byte[2];
        var isGzip = buffered.Read(gzipMagic) == 2 && gzipMagic[0] == 0x1f && gzipMagic[1] == 0x8b;
        buffered.Position = 0;
        using var source = isGzip ? new GZipStream(buffered, CompressionMode.Decompress) : (Stream)buffered;

        Span<byte> header = stackalloc byte[4];
        source.ReadExactly(header);
        if (header[0] != 0 || header[1] != 0 || header[2] != UnsignedByteType || header[3] is 0 or > 4)
        {
            throw new InvalidDataException(
                $"{name} is not an IDX file of unsigned bytes (magic {Convert.ToHexString(header)}, expected 000008NN).");
        }

        var dimensions = new int[header[3]];
        for (var i = 0; i < dimensions.Length; i++)
        {
            source.ReadExactly(header);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header);
        }

        var length = dimensions.Aggregate(1L, (product, size) => product * size);
        var data = new byte[checked((int)length)];
        source.ReadExactly(data);
        return new IdxFile(dimensions, data);
    }
}
