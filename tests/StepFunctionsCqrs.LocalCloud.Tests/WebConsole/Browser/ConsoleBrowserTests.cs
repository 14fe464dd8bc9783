using System.Text.Json.Nodes;
using Microsoft.Playwright;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;
using static Microsoft.Playwright.Assertions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole.Browser;

/// <summary>The console in a real browser against a real local cloud: what a user who has just sent commands sees.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ConsoleBrowserTests(PipelineFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Pipeline = "command-pipeline";

    private string Console => fixture.Cloud.ConsoleUrl.ToString();

    [Fact]
    public async Task The_list_shows_each_command_with_its_status_as_icon_and_text()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();

        foreach (var (id, status) in new[]
                 {
                     (scenario.Accepted, "Succeeded"), (scenario.Rejected, "Succeeded"), (scenario.Retried, "Succeeded"), (scenario.Failed, "Failed"),
                 })
        {
            await page.GotoAsync($"{Console}?prefix={id}");
            var row = page.Locator($"tr[data-execution='{id}']");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator(".badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^[✓✗] {status}$"));
        }

        await page.GotoAsync($"{Console}?status=FAILED&prefix={PipelineFixture.FailedPrefix}");
        await Expect(page.Locator($"tr[data-execution='{scenario.Failed}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-execution] .badge[data-status='SUCCEEDED']")).ToHaveCountAsync(0);

        await page.GotoAsync(Console);
        await Expect(page.Locator($"tr[data-execution='{scenario.Failed}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "executions-list.png"), FullPage = true });
    }

    [Fact]
    public async Task Each_graph_shows_the_status_of_every_state_from_its_history()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();

        await OpenGraphAsync(page, scenario.Accepted);
        await ExpectStatesAsync(page, ("Validate", "succeeded"), ("Persist", "succeeded"), ("Project", "succeeded"), ("ProjectAvailability", "succeeded"),
            ("RecordAccepted", "succeeded"), ("Accepted", "succeeded"), ("RecordInvalid", "notRun"), ("FindCommit", "notRun"), ("Failed", "notRun"));

        await OpenGraphAsync(page, scenario.Rejected);
        await ExpectStatesAsync(page, ("Validate", "succeeded"), ("RecordInvalid", "succeeded"), ("Rejected", "succeeded"), ("Persist", "notRun"));

        await OpenGraphAsync(page, scenario.Retried);
        await ExpectStatesAsync(page, ("Persist", "retried"), ("RecordAccepted", "succeeded"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "execution-graph.png"), FullPage = true });

        await OpenGraphAsync(page, scenario.Failed);
        await ExpectStatesAsync(page, ("Persist", "caught"), ("FindCommit", "succeeded"), ("RecordFailed", "succeeded"), ("Failed", "failed"), ("Project", "notRun"));
        var banner = page.Locator("[data-role=failure]");
        await Expect(banner).ToContainTextAsync("InvalidOperationException");
        await banner.Locator("[data-role=failing-state]").ClickAsync();
        await Expect(page.Locator("[data-role=step]")).ToHaveAttributeAsync("data-state", "Failed");
        await page.Locator("[data-role=failure] [data-role=caught-state][data-state='Persist']").ClickAsync();
        await Expect(page.Locator("[data-role=step]")).ToHaveAttributeAsync("data-state", "Persist");
        await Expect(page.Locator("[data-role=step] .banner")).ToContainTextAsync("InvalidOperationException");
    }

    [Fact]
    public async Task Clicking_Persist_shows_its_input_and_output()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();
        await OpenGraphAsync(page, scenario.Accepted);

        await page.Locator("[data-state='Persist']").First.ClickAsync();

        var step = page.Locator("[data-role=step]");
        await Expect(step).ToHaveAttributeAsync("data-state", "Persist");
        await Expect(step.Locator("[data-role=input]")).ToContainTextAsync(scenario.Accepted);
        await Expect(step.Locator("[data-role=output]")).ToContainTextAsync("\"commit\"");
        await Expect(step.Locator("[data-role=parameters]")).ToContainTextAsync("executionId");
        await Expect(step.Locator("[data-role=definition]")).ToContainTextAsync("ConcurrencyConflict");
        Assert.Contains("state=Persist", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_state_shows_each_attempt_with_its_error_and_the_waits_between()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();
        await OpenGraphAsync(page, scenario.Retried);

        await page.Locator("[data-state='Persist']").First.ClickAsync();

        var attempts = page.Locator("[data-role=step] [data-role=attempts] [data-attempt]");
        await Expect(attempts).ToHaveCountAsync(3);
        await Expect(attempts.Nth(0)).ToContainTextAsync("TransientStoreError");
        await Expect(attempts.Nth(1)).ToContainTextAsync("TransientStoreError");
        await Expect(attempts.Nth(2).Locator(".badge")).ToHaveAttributeAsync("data-status", "succeeded");

        await page.Locator("[role=tab][data-view=table]").ClickAsync();
        var persist = page.Locator("[data-role=states] tr[data-state='Persist']");
        await Expect(persist.Locator(".bar .attempt")).ToHaveCountAsync(3);
        await Expect(persist.Locator(".bar .wait")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "execution-table.png"), FullPage = true });
    }

    [Fact]
    public async Task The_event_view_lists_the_history_and_filters_it_by_type()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{Console}executions/{Pipeline}/{scenario.Retried}?view=events");

        var rows = page.Locator("[data-role=events] tbody tr");
        await Expect(rows.First).ToHaveAttributeAsync("data-type", "ExecutionStarted");
        var all = await rows.CountAsync();
        await page.Locator("[data-role=event-type]").SelectOptionAsync("LambdaFunctionFailed");

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-role=events] tbody tr[data-type]:not([data-type='LambdaFunctionFailed'])")).ToHaveCountAsync(0);
        await rows.First.Locator("summary").ClickAsync();
        await Expect(rows.First.Locator("details pre")).ToContainTextAsync("TransientStoreError");
        Assert.True(all > 20, $"The retried execution's history has {all} events.");
    }

    [Fact]
    public async Task A_running_execution_turns_succeeded_on_screen_without_a_reload()
    {
        var name = $"console-wait-{Guid.NewGuid():N}"[..30];
        var machine = await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["roleArn"] = "arn:aws:iam::000000000000:role/local",
            ["definition"] = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3,"Next":"Done"},"Done":{"Type":"Succeed"}}}""",
        });
        await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine["stateMachineArn"]!.GetValue<string>(), ["name"] = "slow" });
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Console}executions/{name}/slow");
        await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "RUNNING");
        await Expect(page.Locator("[data-state='Hold']")).ToHaveAttributeAsync("data-status", "running");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "SUCCEEDED", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-state='Hold']")).ToHaveAttributeAsync("data-status", "succeeded");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded instead of updated.");
    }

    [Fact]
    public async Task The_command_page_shows_the_commit_and_the_view_rows_it_wrote_and_links_to_its_execution()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Console}commands/{scenario.Accepted}");

        await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(page.Locator("[data-role=envelope]")).ToContainTextAsync("BookRoom");
        var commit = page.Locator($"[data-role=commits] .commit[data-aggregate='inventory#{scenario.Hotel}#double']");
        await Expect(commit).ToHaveCountAsync(1);
        await Expect(commit).ToContainTextAsync("V1.RoomBooked");
        await Expect(page.Locator("[data-view=Availability] tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-view=GuestBookings] tbody tr")).ToContainTextAsync($"bk-a-{scenario.Run}");
        await Expect(page.Locator("[data-view=Arrivals] tbody tr")).ToContainTextAsync("alice");
        await Expect(page.Locator("[data-view=GuestBookings] td[data-state=as-written]")).ToHaveCountAsync(1);
        // Carol's booking of the first night came later, so that night's row no longer holds what this command wrote.
        await Expect(page.Locator($"[data-view=Availability] tr[data-key='{scenario.Hotel}#double {ConsoleScenario.CheckIn:yyyy-MM-dd}'] td[data-state=changed-since]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"[data-view=Availability] tr[data-key='{scenario.Hotel}#double {ConsoleScenario.CheckIn.AddDays(1):yyyy-MM-dd}'] td[data-state=as-written]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "command-page.png"), FullPage = true });

        await page.Locator("[data-role=execution-link]").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(scenario.Accepted);
        await page.Locator("[data-role=command-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Console}commands/{scenario.Accepted}");
    }

    [Fact]
    public async Task A_rejected_command_page_shows_every_reason()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Console}commands/{scenario.Rejected}");

        await Expect(page.Locator("h1 .badge")).ToHaveAttributeAsync("data-status", "Rejected");
        await Expect(page.Locator("[data-role=reasons] li")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("[data-role=commits]")).ToContainTextAsync("appended nothing");
    }

    [Fact]
    public async Task The_queues_page_shows_a_poisoned_message_with_its_reason_and_redrives_it()
    {
        var scenario = await ConsoleScenario.OnAsync(fixture);
        var page = await browser.NewPageAsync();
        var poison = page.Locator("[data-role=letters] tr", new() { HasText = scenario.PoisonBody });

        for (var attempt = 0; attempt < 60 && await poison.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync($"{Console}queues");
            await page.Locator("[data-role=depths]").WaitForAsync();
            if (await poison.CountAsync() == 0)
            {
                await Task.Delay(1000);
            }
        }

        await Expect(poison).ToHaveCountAsync(1);
        await Expect(poison.Locator(".reason")).ToContainTextAsync("The body is not JSON");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "queues.png"), FullPage = true });
        await page.Locator("[data-role=redrive]").ClickAsync();
        await Expect(page.Locator("[data-role=notice]")).ToContainTextAsync("Moved");
        await Expect(poison).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_execution_or_command_gets_a_page_saying_what_was_looked_for_and_where()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Console}executions/{Pipeline}/no-such-command");
        await Expect(page.Locator(".problem")).ToContainTextAsync("No execution named 'no-such-command' exists under the state machine 'command-pipeline'");

        await page.GotoAsync($"{Console}commands/no-such-command");
        await Expect(page.Locator(".problem")).ToContainTextAsync("no row in the CommandStatusView table");
    }

    private async Task OpenGraphAsync(IPage page, string commandId)
    {
        await page.GotoAsync($"{Console}executions/{Pipeline}/{commandId}");
        await Expect(page.Locator("[data-role=graph]")).ToHaveAttributeAsync("data-ready", "true");
    }

    private static async Task ExpectStatesAsync(IPage page, params (string State, string Status)[] expected)
    {
        foreach (var (state, status) in expected)
        {
            await Expect(page.Locator($"svg.graph [data-state='{state}']")).ToHaveAttributeAsync("data-status", status);
        }
    }
}
