using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Tests.Support;
using StepFunctionsCqrs.Testing;
using YamlDotNet.RepresentationModel;

namespace StepFunctionsCqrs.Infra.Tests.Deployment;

public sealed class LocalStackComposeFileTests
{
    /// <summary>What cdk bootstrap and deploy call besides the stack's own resources: templates, assets, the bootstrap version, identity.</summary>
    private static readonly string[] DeploymentServices = ["cloudformation", "s3", "ssm", "sts"];

    private static readonly Dictionary<string, string> ServiceByResourcePrefix = new(StringComparer.Ordinal)
    {
        ["AWS::SQS::"] = "sqs",
        ["AWS::DynamoDB::"] = "dynamodb",
        ["AWS::Lambda::"] = "lambda",
        ["AWS::StepFunctions::"] = "stepfunctions",
        ["AWS::IAM::"] = "iam",
        ["AWS::Logs::"] = "logs",
        ["AWS::CloudWatch::"] = "cloudwatch",
        ["AWS::SNS::"] = "sns",
    };

    private readonly YamlMappingNode _localstack;
    private readonly YamlMappingNode _root;

    public LocalStackComposeFileTests()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryRoot.Combine("docker-compose.localstack.yml"));
        yaml.Load(reader);
        _root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        _localstack = (YamlMappingNode)((YamlMappingNode)_root["services"])["localstack"];
    }

    [Fact]
    public void The_image_is_localstack_pinned_to_an_exact_version()
    {
        var image = Scalar(_localstack, "image");

        Assert.Matches(new Regex(@"^localstack/localstack:\d+\.\d+\.\d+$"), image);
    }

    [Fact]
    public void The_services_list_covers_every_resource_type_the_localstack_stack_deploys()
    {
        using var publish = new TemporaryPublishFolder();
        var settings = new DeploymentSettings(
            "StepFunctionsCqrs", publish.Path, "dotnet10", RemovalPolicy.DESTROY, StateMachineType.STANDARD, IncludeHttpApi: false, RetentionDays.ONE_DAY)
        {
            // As infra/scripts/deploy-localstack.sh deploys it.
            AlarmTopic = false,
        };
        var template = SynthesizedTemplate.Of(new CommandPipelineStack(new App(), settings));
        var types = template.Json["Resources"]!.AsObject().Select(r => (string)r.Value!["Type"]!).Where(t => t != "AWS::CDK::Metadata").Distinct();

        var needed = types.Select(t => ServiceByResourcePrefix.Single(p => t.StartsWith(p.Key, StringComparison.Ordinal)).Value)
            .Concat(DeploymentServices)
            .ToHashSet();
        var configured = Environment()["SERVICES"].Split(',', StringSplitOptions.TrimEntries).ToHashSet();

        Assert.Subset(configured, needed);
    }

    [Fact]
    public void Lambda_runs_containers_through_the_host_docker_socket_on_the_compose_network()
    {
        var volumes = ((YamlSequenceNode)_localstack["volumes"]).Select(v => ((YamlScalarNode)v).Value).ToList();
        var network = Scalar((YamlMappingNode)((YamlMappingNode)_root["networks"])["localstack"], "name");
        var environment = Environment();

        Assert.Contains("/var/run/docker.sock:/var/run/docker.sock", volumes);
        Assert.Equal("unix:///var/run/docker.sock", environment["DOCKER_HOST"]);
        Assert.Equal(network, environment["LAMBDA_DOCKER_NETWORK"]);
        Assert.Equal("1", environment["LAMBDA_IGNORE_ARCHITECTURE"]);
        Assert.True(int.Parse(environment["LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT"], System.Globalization.CultureInfo.InvariantCulture) >= 30);
    }

    [Fact]
    public void The_edge_port_4566_is_published_on_loopback()
    {
        var ports = ((YamlSequenceNode)_localstack["ports"]).Select(p => ((YamlScalarNode)p).Value).ToList();

        Assert.Contains("127.0.0.1:4566:4566", ports);
    }

    private Dictionary<string, string> Environment() =>
        ((YamlMappingNode)_localstack["environment"]).Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "");

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
