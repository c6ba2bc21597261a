using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Workflows.TestSupport;
using Workflows.Functions.Timers;

namespace Workflows.Functions.Tests.Timers;

public sealed class TimerSchedulerTests
{
    private static DateTimeOffset Oslo(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), TimerFunction.Oslo.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    private sealed class Recorder
    {
        private readonly List<(DateTimeOffset Occurrence, DateTimeOffset RanAt)> runs = [];
        private readonly Lock gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

        public Task WaitForCount(int count)
        {
            lock (gate)
            {
                if (runs.Count >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((count, reached));
                return Progress.WhileMovingAsync(reached.Task.WaitAsync, () => Runs.Count, $"waiting for {count} timer runs");
            }
        }

        public IReadOnlyList<(DateTimeOffset Occurrence, DateTimeOffset RanAt)> Runs
        {
            get
            {
                lock (gate)
                {
                    return [.. runs];
                }
            }
        }

        public Func<IServiceProvider, DateTimeOffset, CancellationToken, Task> Handler(TimeProvider clock) => (_, occurrence, _) =>
        {
            lock (gate)
            {
                runs.Add((occurrence, clock.GetUtcNow()));
                foreach (var waiter in waiters.Where(w => w.Count <= runs.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    waiters.Remove(waiter);
                }
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Moves a fake clock in half-hour steps and returns the runs once <paramref name="expected"/> have happened.</summary>
    private static async Task<IReadOnlyList<(DateTimeOffset Occurrence, DateTimeOffset RanAt)>> RunHourByHour(
        string schedule, DateTimeOffset from, TimeSpan span, int expected)
    {
        var clock = new FakeTimeProvider(from);
        var recorder = new Recorder();
        var function = new TimerFunction("Tick", schedule, recorder.Handler(clock));
        using var services = new ServiceCollection().BuildServiceProvider();
        using var scheduler = new TimerScheduler([function], services, clock, NullLogger<TimerScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        for (var moved = TimeSpan.Zero; moved < span; moved += TimeSpan.FromMinutes(30))
        {
            clock.Advance(TimeSpan.FromMinutes(30));
        }

        await recorder.WaitForCount(expected);
        await scheduler.StopAsync(CancellationToken.None);
        return recorder.Runs;
    }

    [Fact]
    public async Task DailyAtSevenOslo_FiresAtSevenLocalTime_OnBothSidesOfTheSpringChange()
    {
        var runs = await RunHourByHour("0 0 7 * * *", Oslo(2026, 3, 27, 12, 0), TimeSpan.FromDays(3), 3);

        Assert.Equal(
            [Oslo(2026, 3, 28, 7, 0), Oslo(2026, 3, 29, 7, 0), Oslo(2026, 3, 30, 7, 0)],
            runs.Select(r => r.Occurrence));
        Assert.Equal([6, 5, 5], runs.Select(r => r.Occurrence.UtcDateTime.Hour));
    }

    [Fact]
    public async Task AtHalfPastTwo_OnTheSpringChange_FiresOnceAfterTheSkippedHour()
    {
        var runs = await RunHourByHour("0 30 2 * * *", Oslo(2026, 3, 28, 12, 0), TimeSpan.FromDays(2), 2);

        Assert.Equal(2, runs.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), runs[0].Occurrence.ToUniversalTime());
        Assert.Equal(Oslo(2026, 3, 30, 2, 30), runs[1].Occurrence);
    }

    [Fact]
    public async Task AtHalfPastTwo_OnTheAutumnChange_FiresOnceNotTwice()
    {
        var runs = await RunHourByHour("0 30 2 * * *", Oslo(2026, 10, 24, 12, 0), TimeSpan.FromDays(2), 2);

        Assert.Equal(2, runs.Count);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), runs[0].Occurrence.ToUniversalTime());
    }

    [Fact]
    public async Task Occurrences_RunWhenTheClockReachesThem_NotBefore()
    {
        var runs = await RunHourByHour("0 0 */6 * * *", Oslo(2026, 1, 5, 0, 30), TimeSpan.FromHours(12), 2);

        Assert.All(runs, r => Assert.True(r.RanAt >= r.Occurrence));
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public void Schedule_WithFiveFields_IsRejected()
    {
        Assert.ThrowsAny<Exception>(() => new TimerFunction("Bad", "0 7 * * *", (_, _, _) => Task.CompletedTask));
    }
}
