using static TorchSharp.torch;

namespace Platform.Samples.TorchSharpPs.Data;

/// <summary>Fashion-MNIST from the IDX files that Debian's <c>dataset-fashion-mnist</c> package installs.</summary>
public static class FashionMnist
{
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    public static Dataset Train(string directory) => Load(directory, "train");

    public static Dataset Test(string directory) => Load(directory, "t10k");

    private static Dataset Load(string directory, string prefix)
    {
        var images = IdxFile.Read(Find(directory, $"{prefix}-images-idx3-ubyte"));
        var labels = IdxFile.Read(Find(directory, $"{prefix}-labels-idx1-ubyte"));
        if (images.Dimensions is not [var count, 28, 28] || labels.Dimensions is not [var labelCount] || count != labelCount)
        {
            throw new InvalidDataException(
                $"{prefix} in {directory}: images [{string.Join('x', images.Dimensions)}] and labels [{string.Join('x', labels.Dimensions)}] do not match Fashion-MNIST's N×28×28 and N.");
        }

        using var labelBytes = tensor(labels.Data, [count]);
        return new Dataset(tensor(images.Data, [count, 1, 28, 28]), labelBytes.to_type(ScalarType.Int64));
    }

    private static string Find(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"{name}(.gz) is not in {directory}. The image installs Debian's dataset-fashion-mnist there; elsewhere pass --data DIR.");
    }
}
