namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>ItemProcessor.ProcessorConfig.Mode.</summary>
public enum ProcessorMode
{
    /// <summary>Iterations run inside this execution and see its variables.</summary>
    Inline,

    /// <summary>Iterations are child workflows; run locally in-process, isolated from the parent's variables.</summary>
    Distributed,
}
