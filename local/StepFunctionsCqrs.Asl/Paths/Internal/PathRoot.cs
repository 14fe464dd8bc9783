namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Which document a path starts from.</summary>
internal enum PathRoot
{
    Input,
    Context,
    Variable,
}
