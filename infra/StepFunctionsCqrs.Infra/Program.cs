using Amazon.CDK;
using StepFunctionsCqrs.Infra;
using StepFunctionsCqrs.Infra.Configuration;

var app = new App();
try
{
    var settings = DeploymentSettings.FromContext(app.Node);
    new CommandPipelineStack(app, settings, new StackProps
    {
        Env = new Amazon.CDK.Environment
        {
            Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
        },
        Description = "StepFunctionsCqrs: commands through SQS and Step Functions, queries from DynamoDB views.",
    });
    app.Synth();
    return 0;
}
catch (DeploymentSettingsException e)
{
    // A settings problem is the user's to fix; a stack trace would only bury the message.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
