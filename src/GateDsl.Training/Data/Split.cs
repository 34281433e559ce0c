namespace GateDsl.Training.Data;

/// <summary>The three parts of a data set: fit on train, choose the checkpoint on valid, report test.</summary>
public enum Split
{
    /// <summary>The training part.</summary>
    Train,

    /// <summary>The validation part: model selection and the learning-rate schedule.</summary>
    Valid,

    /// <summary>The test part, scored once at the best-validation checkpoint.</summary>
    Test,
}
