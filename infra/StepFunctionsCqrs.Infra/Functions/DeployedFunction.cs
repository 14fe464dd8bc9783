using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using StepFunctionsCqrs.Functions.Catalog;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>A catalog entry together with the resources created for it.</summary>
public sealed record DeployedFunction(FunctionDefinition Definition, Function Function, IRole Role, ILogGroup LogGroup);
