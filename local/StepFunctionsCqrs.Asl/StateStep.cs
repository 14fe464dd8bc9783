namespace StepFunctionsCqrs.Asl;

/// <summary>The steps of a state's input and output processing, in the order the engine takes them.</summary>
public enum StateStep
{
    /// <summary>The state input after InputPath.</summary>
    AfterInputPath,

    /// <summary>The effective input after Parameters.</summary>
    AfterParameters,

    /// <summary>The raw result: the task's answer, or a Pass state's Result.</summary>
    Result,

    /// <summary>The result after ResultSelector.</summary>
    AfterResultSelector,

    /// <summary>The state input with the result placed at ResultPath, before OutputPath.</summary>
    AfterResultPath,

    /// <summary>The workflow variables in scope once the state has run and its Assign is applied.</summary>
    Variables,
}
