namespace StepFunctionsCqrs.Asl.JSONata;

/// <summary>Which built-in functions an expression sees.</summary>
public enum JsonataLibrary
{
    /// <summary>JSONata 2.0's functions, without $eval.</summary>
    Standard,

    /// <summary>JSONata plus Step Functions' $partition, $range, $hash, $random(seed), $uuid and $parse.</summary>
    StepFunctions,
}
