namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>The diagnostic codes, named like the service's ValidateStateMachineDefinition codes.</summary>
public static class DiagnosticCodes
{
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";
    public const string UnreachableState = "UNREACHABLE_STATE";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string InvalidPath = "INVALID_JSON_PATH";
    public const string InvalidIntrinsic = "INVALID_INTRINSIC_FUNCTION";
    public const string UnsupportedQueryLanguage = "UNSUPPORTED_QUERY_LANGUAGE";
}
