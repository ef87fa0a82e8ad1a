using System.IO.Compression;
using Platform.Samples.TorchSharpPs.Data;

namespace Platform.Samples.TorchSharpPs.Tests;

public sealed class IdxFileTests
{
    // Two 2×3 images: magic 0x00000803, sizes 2, 2, 3 (big-endian), then 12 bytes.
    private static readonly byte[] Images =
        [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_dimensions_and_bytes_plain_or_gzipped(bool gzipped)
    {
        var file = IdxFile.Read(new MemoryStream(gzipped ? Gzip(Images) : Images), "images");

        Assert.Equal([2, 2, 3], file.Dimensions);
        Assert.Equal(Images[16..], file.Data);
    }

    [Fact]
    public void Labels_have_one_dimension()
    {
        var file = IdxFile.Read(new MemoryStream([0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 4]), "labels");

        Assert.Equal([3], file.Dimensions);
        Assert.Equal([9, 0, 4], file.Data);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 13, 1, 0, 0, 0, 1, 0, 0, 0, 0 }, "not an IDX file of unsigned bytes (magic 00000D01")]
    [InlineData(new byte[] { 1, 2, 8, 1, 0, 0, 0, 1, 0 }, "not an IDX file of unsigned bytes (magic 01020801")]
    public void Other_files_are_refused_naming_the_magic(byte[] bytes, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => IdxFile.Read(new MemoryStream(bytes), "x.idx")).Message);

    [Fact]
    public void Truncated_file_is_refused()
    {
        Assert.Throws<EndOfStreamException>(() => IdxFile.Read(new MemoryStream(Images[..20]), "short"));
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
