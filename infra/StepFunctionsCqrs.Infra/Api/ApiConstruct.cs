using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Amazon.CDK.AWS.IAM;
using Constructs;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>
/// The HTTP API: GET routes answered by the query function, and POST /commands sent straight to the commands queue.
/// Every route needs a SigV4-signed request (IAM authorization); callers need execute-api:Invoke on the routes they use.
/// </summary>
public sealed class ApiConstruct : Construct
{
    /// <summary>Creates the API, its routes and the role API Gateway uses to send to the queue.</summary>
    public ApiConstruct(Construct scope, string id, ApiProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        HttpApi = new HttpApi(this, "HttpApi", new HttpApiProps
        {
            Description = "Commands in (to SQS), queries out (from the read views).",
            DefaultAuthorizer = new HttpIamAuthorizer(),
            CreateDefaultStage = true,
        });

        var queries = new HttpLambdaIntegration("QueryIntegration", props.Query);
        foreach (var path in ApiRoutes.Queries)
        {
            HttpApi.AddRoutes(new AddRoutesOptions
            {
                Path = path,
                Methods = [HttpMethod.GET],
                Integration = queries,
            });
        }

        // The queue sees this role as the message's SenderId: it is the one identity allowed to act for any actor.
        SenderRole = new Role(this, "CommandSenderRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("apigateway.amazonaws.com"),
            Description = "API Gateway sends submitted commands to the commands queue as this role.",
        });
        props.Commands.GrantSendMessages(SenderRole);

        HttpApi.AddRoutes(new AddRoutesOptions
        {
            Path = ApiRoutes.Commands,
            Methods = [HttpMethod.POST],
            Integration = new SqsSendMessageIntegration("CommandsIntegration", props.Commands, SenderRole),
        });
    }

    /// <summary>The HTTP API.</summary>
    public HttpApi HttpApi { get; }

    /// <summary>The role API Gateway assumes to send commands; its unique id is the SenderId the queue records.</summary>
    public Role SenderRole { get; }

    /// <summary>The default stage's URL.</summary>
    public string Url => HttpApi.Url ?? throw new InvalidOperationException("The HTTP API has no default stage.");
}
