namespace Platform.Training;

/// <summary>The update rule the parameter servers apply.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent with momentum and optional weight decay (PyTorch's <c>SGD</c> without dampening).</summary>
    Sgd,

    /// <summary>Adam with bias correction and optional L2 weight decay (PyTorch's <c>Adam</c>).</summary>
    Adam,
}
