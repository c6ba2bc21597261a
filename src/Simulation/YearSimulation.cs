using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Documents;
using Workflows.Courses;
using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Functions.Hosting;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Events;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Plan;
using Workflows.Wheel.Tick;
using Workflows.Wheel.Uploads;

namespace Workflows.Simulation;

/// <summary>
/// <c>dotnet run --project src/Simulation -- --network ahus --year 2026</c>: runs a network's whole year on a fake clock against a throwaway
/// store, with made-up nurses who answer (most register, uploads come three days after they are asked for, the
/// operator marks attendance), and prints what goes out when.
/// </summary>
internal static partial class YearSimulation
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (SimulationOptions.Parse(args, out var error) is not { } options)
        {
            await output.WriteLineAsync(error).ConfigureAwait(false);
            await output.WriteLineAsync("usage: Workflows.Simulation --network <id> [--year 2026] [--nurses-per-unit 3 | --nurses 2000] [--summary]").ConfigureAwait(false);
            return 2;
        }

        var data = Path.Combine(Path.GetTempPath(), "workflows-simulation-" + Guid.NewGuid().ToString("N"));
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var calendar = new NetworkCalendars().For(options.Network);
            if (calendar is null)
            {
                await output.WriteLineAsync($"No calendar for network '{options.Network}'.").ConfigureAwait(false);
                return 2;
            }

            var plan = WheelPlan.For(calendar, options.Year);
            var first = plan.Min(o => o.InvitationOn);
            var clock = new FakeTimeProvider(NorwegianTime.At(first, new TimeOnly(5, 0)));
            var timeline = new SimulationTimeline(options.Summary ? TextWriter.Null : output);
            await using var app = Build(data, clock, timeline);
            await app.StartAsync().ConfigureAwait(false);
            var world = new SimulatedPeople(app.Services, clock, timeline, options);
            await world.SeedNursesAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Simulating {options.Network} {options.Year}: calendar {calendar.Source} v{calendar.Version}, {world.NurseCount} resource nurses, {plan.Count} events; from {first:yyyy-MM-dd}.").ConfigureAwait(false);

            var last = new DateOnly(options.Year, 12, 31);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                await world.LiveDayAsync(day).ConfigureAwait(false);
            }

            timeline.Flush();
            var views = (await app.Services.GetRequiredService<WheelOverview>().ForAsync(options.Network, options.Year).ConfigureAwait(false)).Events;
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Year done in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s: {timeline.Emails} emails, {timeline.Documents} documents, {timeline.StatusChanges} status changes.")).ConfigureAwait(false);
            foreach (var view in views)
            {
                await output.WriteLineAsync($"  {view.Occurrence.Date:yyyy-MM-dd}  {view.Occurrence.EventId,-34} {view.State,-8} {view.Status?.Phase}").ConfigureAwait(false);
            }

            await app.StopAsync().ConfigureAwait(false);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static WebApplication Build(string data, FakeTimeProvider clock, SimulationTimeline timeline)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host:DataDirectory"] = data,
            ["Workflows:WheelTickSchedule"] = string.Empty,
            ["Telemetry:SignatureCountMinutes"] = "0",
            ["Durable:Store"] = "Sqlite",
            ["Workflows:RegistryStore"] = "Sqlite",
            ["Documents:Store"] = "Folder",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Workflows.Wheel.Tick.WheelTick"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddFunctionsHost();
        builder.Services.AddSingleton(timeline);
        builder.Services.AddSingleton<RecordingEmailSender>(sp => new RecordingEmailSender(timeline, clock));
        builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<RecordingEmailSender>());
        builder.Services.AddSingleton<IDocumentStore>(sp => new RecordingDocumentStore(
            new FolderDocumentStore(Path.Combine(data, "documents"), sp.GetRequiredService<DocumentLinkSigner>(), clock), timeline, clock));
        var app = builder.Build();
        app.MapFunctionsHost();
        return app;
    }

    [GeneratedRegex(@"/(?<purpose>upload|register|answer|approve)/(?<token>[A-Za-z0-9_\-.]+)")]
    internal static partial Regex ActionLink();

    /// <summary>A stable yes/no per person and event, so a simulation prints the same year each time.</summary>
    internal static bool Chance(string who, string what, double probability) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{who}|{what}")), 0) / (double)uint.MaxValue < probability;
}
