using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using StepFunctionsCqrs.Infra.Configuration;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>
/// The HTTP API: GET routes answered by the query function, and POST /commands sent straight to the commands queue.
/// Every route needs an authenticated caller: a SigV4-signed request with execute-api:Invoke (IAM, the default) or a JWT
/// from the configured issuer and audience.
/// </summary>
public sealed class ApiConstruct : Construct
{
    /// <summary>Creates the API, its routes, the stage's throttling and access log, and the role API Gateway uses to send to the queue.</summary>
    public ApiConstruct(Construct scope, string id, ApiProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        HttpApi = new HttpApi(this, "HttpApi", new HttpApiProps
        {
            Description = "Commands in (to SQS), queries out (from the read views).",
            DefaultAuthorizer = props.Auth switch
            {
                ApiAuthScheme.Jwt => new HttpJwtAuthorizer("JwtAuthorizer", props.JwtIssuer!, new HttpJwtAuthorizerProps
                {
                    JwtAudience = [.. props.JwtAudience],
                }),
                _ => new HttpIamAuthorizer(),
            },
            CreateDefaultStage = true,
        });

        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.RemovalPolicy,
        });
        ConfigureDefaultStage(props);

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
        // Only this API, in this account, may have API Gateway assume it.
        var stack = Stack.Of(this);
        SenderRole = new Role(this, "CommandSenderRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("apigateway.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                    ["ArnLike"] = new Dictionary<string, object>
                    {
                        ["aws:SourceArn"] = stack.FormatArn(new ArnComponents
                        {
                            Service = "execute-api",
                            Resource = HttpApi.ApiId,
                            ResourceName = "*",
                            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
                        }),
                    },
                },
            }),
            Description = "API Gateway sends submitted commands to the commands queue as this role.",
        });
        props.Commands.GrantSendMessages(SenderRole);

        HttpApi.AddRoutes(new AddRoutesOptions
        {
            Path = ApiRoutes.Commands,
            Methods = [HttpMethod.POST],
            Integration = new SqsSendMessageIntegration(
                "CommandsIntegration", props.Commands, SenderRole, CallerMessageAttributes.For(props.Auth, props.JwtGroupsClaim)),
        });
    }

    /// <summary>The HTTP API.</summary>
    public HttpApi HttpApi { get; }

    /// <summary>The role API Gateway assumes to send commands; its unique id is the SenderId the queue records.</summary>
    public Role SenderRole { get; }

    /// <summary>Where the default stage writes one line per request.</summary>
    public ILogGroup AccessLogs { get; }

    /// <summary>The default stage's URL.</summary>
    public string Url => HttpApi.Url ?? throw new InvalidOperationException("The HTTP API has no default stage.");

    // CDK 2.160's HttpStage has no access-log option, so both are set on the stage resource itself.
    private void ConfigureDefaultStage(ApiProps props)
    {
        var stage = (CfnStage)HttpApi.DefaultStage!.Node.DefaultChild!;
        stage.DefaultRouteSettings = new CfnStage.RouteSettingsProperty
        {
            // One budget for every route: a flood of queries or commands is refused at the edge, before it costs a
            // Lambda invocation or an SQS message.
            ThrottlingRateLimit = props.ThrottleRate,
            ThrottlingBurstLimit = props.ThrottleBurst,
        };
        stage.AccessLogSettings = new CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = AccessLogs.LogGroupArn,
            Format = AccessLogFormat,
        };
    }

    // Who called which route and what came back; no bodies, so no command content lands in the log.
    private const string AccessLogFormat =
        "{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\",\"ip\":\"$context.identity.sourceIp\","
        + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\","
        + "\"callerArn\":\"$context.identity.userArn\",\"subject\":\"$context.authorizer.claims.sub\","
        + "\"integrationError\":\"$context.integrationErrorMessage\",\"authorizerError\":\"$context.authorizer.error\"}";
}
