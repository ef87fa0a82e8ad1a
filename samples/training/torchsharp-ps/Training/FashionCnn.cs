using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>
/// The network: two conv-relu-pool blocks (16 and 32 channels), dropout, one linear layer; 20,490
/// parameters. With 32 and 64 channels it trains about 4 times slower per CPU core.
/// </summary>
public static class FashionCnn
{
    public static Sequential Create() => Sequential(
        ("conv1", Conv2d(1, 16, kernel_size: 3, padding: 1)),
        ("relu1", ReLU()),
        ("pool1", MaxPool2d(kernel_size: 2)),
        ("conv2", Conv2d(16, 32, kernel_size: 3, padding: 1)),
        ("relu2", ReLU()),
        ("pool2", MaxPool2d(kernel_size: 2)),
        ("flatten", Flatten()),
        ("dropout", Dropout(0.25)),
        ("fc", Linear(32 * 7 * 7, 10)));
}
