using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable;
using Workflows.Functions.Timers;
using Workflows.Wheel.Tick;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>The daily tick: driven by its CRON timer on the fake clock, idempotent, and catching up after the host was down.</summary>
public sealed class WheelTickTests
{
    [Fact]
    public async Task The_daily_timer_starts_each_event_on_its_invitation_day_in_Oslo_time()
    {
        // The host's scheduler runs the tick as the Functions timer would; the test's copy of the timer also says when it ran.
        var ticks = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var ran = new SemaphoreSlim(0);
        await using var scenario = new NetworkScenario(services: s => s.AddSingleton(new TimerFunction("WheelTick", "0 0 6 * * *", async (sp, at, cancellation) =>
        {
            await sp.GetRequiredService<WheelTick>().RunAsync(cancellation: cancellation);
            ticks.Enqueue(at);
            ran.Release();
        })));

        // Day by day to 06:00 in Oslo (05:00 UTC in March), as the Functions timer would fire.
        for (var day = 3; day <= 10; day++)
        {
            await scenario.AdvanceAsync(new DateTimeOffset(2026, 3, day, 5, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
            await WaitForTicksAsync(ran, 1);
        }

        var before = await scenario.Durable.GetInstanceAsync("helse-forde-leaders-intro-2026");

        // 11 March is the invitation day of the leaders' digital intro (8 April, invited 28 days before).
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 3, 11, 5, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        await WaitForTicksAsync(ran, 1);
        var after = await scenario.Durable.GetInstanceAsync("helse-forde-leaders-intro-2026");

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 5, 0, 0, TimeSpan.Zero), after.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero), ticks.First());
        Assert.NotNull(await scenario.Durable.GetInstanceAsync("helse-forde-gathering-sogn-spring-2026"));
    }

    /// <summary>Waits for the scheduler to finish <paramref name="count"/> more ticks; only a stalled scheduler fails it.</summary>
    private static async Task WaitForTicksAsync(SemaphoreSlim ran, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Progress.WhileMovingAsync(ran.WaitAsync, () => 0, $"tick {i + 1} of {count} did not run");
        }
    }

    [Fact]
    public async Task After_the_host_was_down_a_tick_starts_what_there_is_still_time_for_and_reports_what_was_missed()
    {
        await using var scenario = new NetworkScenario();
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 7, 0, 0, TimeSpan.Zero));

        var result = await (await scenario.Http.PostAsync("/api/wheel/tick", null)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await scenario.Http.PostAsync("/api/wheel/tick", null)).Content.ReadFromJsonAsync<JsonElement>();
        await scenario.IdleAsync();

        var started = result.GetProperty("started").EnumerateArray().Select(e => e.GetString()).ToList();
        var missed = result.GetProperty("missed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("helse-forde-leaders-intro-2026", started);
        Assert.Contains("helse-forde-gathering-sogn-spring-2026", missed);
        Assert.Contains("helse-forde-gathering-sunnfjord-spring-2026", missed);
        Assert.DoesNotContain(started, id => id!.Contains("spring-2026", StringComparison.Ordinal) && id.Contains("gathering", StringComparison.Ordinal) && id.StartsWith("helse-forde", StringComparison.Ordinal));
        Assert.Empty(again.GetProperty("started").EnumerateArray());
        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        var sogn = wheel.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("instanceId").GetString() == "helse-forde-gathering-sogn-spring-2026");
        Assert.Equal("Missed", sogn.GetProperty("state").GetString());
        var intro = await scenario.Durable.GetInstanceAsync("helse-forde-leaders-intro-2026");
        Assert.Equal(OrchestrationRuntimeStatus.Running, intro!.RuntimeStatus);
    }

    [Fact]
    public async Task An_event_started_but_not_yet_picked_up_by_the_worker_counts_as_running_not_stopped()
    {
        await using var scenario = new NetworkScenario();

        // Pending until its start time: what an event is between the tick's start and the worker's first turn.
        await scenario.Durable.ScheduleNewOrchestrationInstanceAsync(
            "Meeting", null, new StartOrchestrationOptions("helse-forde-leaders-intro-2026", scenario.Clock.GetUtcNow().AddDays(1)));

        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        var intro = wheel.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("instanceId").GetString() == "helse-forde-leaders-intro-2026");
        Assert.Equal("Running", intro.GetProperty("state").GetString());
    }
}
