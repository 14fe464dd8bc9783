namespace StepFunctionsCqrs.Asl.States.Tasks;

/// <summary>A Task's Resource ARN, classified the way history events report it.</summary>
public sealed class TaskResource
{
    private TaskResource(string arn, bool isLambdaFunction, string resourceType, string resource, bool isCallback)
    {
        Arn = arn;
        IsLambdaFunction = isLambdaFunction;
        ResourceType = resourceType;
        Resource = resource;
        IsCallback = isCallback;
    }

    /// <summary>The ARN as written.</summary>
    public string Arn { get; }

    /// <summary>True for a Lambda function ARN used directly, which records LambdaFunction* events.</summary>
    public bool IsLambdaFunction { get; }

    /// <summary>For integrations, the service ("lambda" in arn:aws:states:::lambda:invoke).</summary>
    public string ResourceType { get; }

    /// <summary>For integrations, the action with its pattern suffix ("invoke", "startExecution.sync").</summary>
    public string Resource { get; }

    /// <summary>True for the .waitForTaskToken pattern, which hands the task a token.</summary>
    public bool IsCallback { get; }

    /// <summary>Classifies a Resource ARN.</summary>
    public static TaskResource From(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function")
        {
            return new TaskResource(arn, true, "lambda", arn, false);
        }
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "states" && parts[5] != "activity")
        {
            var action = string.Join(':', parts[6..]);
            return new TaskResource(arn, false, parts[5], action, action.EndsWith(".waitForTaskToken", StringComparison.Ordinal));
        }
        if (parts.Length >= 7 && parts[0] == "arn" && parts[5] == "activity")
        {
            return new TaskResource(arn, false, "activity", arn, false);
        }
        return new TaskResource(arn, false, "unknown", arn, false);
    }
}
