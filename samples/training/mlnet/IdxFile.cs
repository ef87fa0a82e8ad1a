using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Samples.MLNet;

/// <summary>
/// Reads the gzipped IDX files of the MNIST family: a big-endian header (two zero bytes, the type
/// 0x08 for unsigned bytes, the number of dimensions, each dimension) followed by the bytes.
/// </summary>
public static class IdxFile
{
    /// <summary>The dimensions and the data of one file.</summary>
    public static (int[] Shape, byte[] Data) Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08)
        {
            throw new InvalidDataException($"{path} is not an IDX file of unsigned bytes.");
        }

        var shape = new int[bytes[3]];
        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + (4 * i))..]);
        }

        var offset = 4 + (4 * shape.Length);
        var expected = shape.Aggregate(1L, (size, dimension) => size * dimension);
        if (bytes.Length - offset != expected)
        {
            throw new InvalidDataException($"{path} holds {bytes.Length - offset} bytes of data, its header says {expected}.");
        }

        return (shape, bytes[offset..].ToArray());
    }

    /// <summary>Images and labels of one split (<c>train</c> or <c>t10k</c>), the first <paramref name="limit"/> of them when it is above 0.</summary>
    public static List<FashionImage> ReadSplit(string directory, string prefix, int limit)
    {
        var (imageShape, pixels) = Read(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"));
        var (_, labels) = Read(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"));
        if (imageShape.Length != 3 || imageShape[1] * imageShape[2] != FashionImage.PixelCount || imageShape[0] != labels.Length)
        {
            throw new InvalidDataException($"{prefix}: expected N x 28 x 28 images and N labels, got {string.Join(" x ", imageShape)} and {labels.Length}.");
        }

        var count = limit > 0 ? Math.Min(limit, labels.Length) : labels.Length;
        var images = new List<FashionImage>(count);
        for (var i = 0; i < count; i++)
        {
            var image = new float[FashionImage.PixelCount];
            for (var p = 0; p < image.Length; p++)
            {
                image[p] = pixels[(i * FashionImage.PixelCount) + p] / 255f;
            }

            images.Add(new FashionImage { Pixels = image, Label = labels[i] });
        }

        return images;
    }
}
