using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

/// <summary>State shared by one evaluation: $now is fixed for its whole length, as the reference fixes it.</summary>
internal sealed class EvaluationRun
{
    public EvaluationRun(FunctionLibrary library, DateTimeOffset now, Random random)
    {
        Library = library;
        Now = now;
        Random = random;
    }

    public FunctionLibrary Library { get; }

    public DateTimeOffset Now { get; }

    public Random Random { get; }
}
