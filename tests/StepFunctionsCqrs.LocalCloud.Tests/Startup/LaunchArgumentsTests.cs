using StepFunctionsCqrs.LocalCloud.Startup;

namespace StepFunctionsCqrs.LocalCloud.Tests.Startup;

public sealed class LaunchArgumentsTests
{
    [Fact]
    public void No_arguments_serve_on_port_4566_with_the_default_state_folder()
    {
        var parsed = LaunchArguments.Parse([]);

        Assert.Equal(new LaunchArguments(false, 4566, null, false, false), parsed);
    }

    [Fact]
    public void The_demo_takes_every_option()
    {
        var parsed = LaunchArguments.Parse(["demo", "--port", "0", "--state", "/tmp/x", "--reset", "--exit-when-done", "--visibility-timeout", "3"]);

        Assert.Equal(new LaunchArguments(true, 0, "/tmp/x", true, true, 3), parsed);
    }

    [Theory]
    [InlineData("10", 0.1)]
    [InlineData("instant", 0)]
    [InlineData("1", 1)]
    public void The_time_scale_is_a_speed_up_or_instant(string value, double scale)
    {
        Assert.Equal(scale, LaunchArguments.Parse(["--time-scale", value]).DelayScale, 9);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("fast")]
    [InlineData("-2")]
    public void A_time_scale_that_would_slow_down_or_is_not_a_number_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchArguments.Parse(["--time-scale", value]));

        Assert.Contains("--time-scale", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--visibility-timeout", "-1")]
    public void A_bad_number_is_refused_naming_the_option(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchArguments.Parse([option, value]));

        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void Exit_when_done_without_the_demo_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchArguments.Parse(["--exit-when-done"]));

        Assert.Contains("demo", error.Message);
    }

    [Fact]
    public void An_unknown_argument_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchArguments.Parse(["--verbose"]));

        Assert.Contains("--verbose", error.Message);
    }

    [Fact]
    public void Configuration_style_spellings_of_port_and_data_directory_are_accepted()
    {
        var parsed = LaunchArguments.Parse(["--Port", "4570", "--DataDirectory", "/tmp/y"]);

        Assert.Equal(new LaunchArguments(false, 4570, "/tmp/y", false, false), parsed);
    }

    [Fact]
    public void The_usage_text_documents_the_fault_injection_variables()
    {
        Assert.Contains("CQRS_FAULTS=", LaunchArguments.Usage, StringComparison.Ordinal);
        Assert.Contains("CQRS_FAULTS_SEED=", LaunchArguments.Usage, StringComparison.Ordinal);
    }
}
