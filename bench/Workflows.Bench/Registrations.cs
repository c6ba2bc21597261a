using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.TestSupport;

namespace Workflows.Bench;

/// <summary>
/// Onboarding of 300 nurses registered through the API, 16 at a time, against the app as it runs (its own process,
/// built in the same configuration as this benchmark): on the embedded SQLite backend, or on DurableTask.AzureStorage
/// in an Azurite this benchmark starts. Reports registrations per second, the registration call's p50 and p99, and how
/// long until every onboarding waits for its first signature (its welcome letter and function description rendered,
/// filed and mailed, and the first signing email sent).
/// </summary>
public static class Registrations
{
    private const int Nurses = 300;
    private const int AtATime = 16;
    private const string Key = "bench-operator-key";

    public static async Task RunAsync(bool onAzurite)
    {
        await using var azurite = onAzurite ? new Azurite() : null;
        var settings = new Dictionary<string, string> { ["FunctionKeys__bench"] = Key, ["Logging__LogLevel__Default"] = "Warning" };
        if (azurite is not null)
        {
            await azurite.InitializeAsync();
            settings["Durable__Store"] = "AzureStorage";
            settings["Durable__ConnectionString"] = azurite.ConnectionString;
            settings["Durable__MaxQueuePollingIntervalSeconds"] = "0.5";
            settings["Host__TaskHub"] = "bench" + Guid.NewGuid().ToString("N")[..8];
        }

        await using var app = await AppProcess.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("x-functions-key", Key);

        var latencies = new double[Nurses];
        var statusUrls = new string[Nurses];
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, AtATime).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < Nurses; i = Interlocked.Increment(ref next))
            {
                var call = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/nurses", new
                {
                    unitId = "lorenskog-sykehjem",
                    name = $"Sykepleier {i:000}",
                    email = $"sykepleier{i:000}@example.no",
                    hasFurtherEducation = i % 2 == 0,
                });
                latencies[i] = call.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"Registration {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                statusUrls[i] = new Uri(body.GetProperty("onboarding").GetProperty("statusQueryGetUri").GetString()!).PathAndQuery;
            }
        }));
        var registered = watch.Elapsed;

        // Every onboarding waiting for its first signature.
        var waiting = new bool[Nurses];
        while (waiting.Any(w => !w))
        {
            for (var i = 0; i < Nurses; i++)
            {
                if (!waiting[i])
                {
                    var status = await http.GetFromJsonAsync<JsonElement>(statusUrls[i]);
                    waiting[i] = status.TryGetProperty("customStatus", out var custom) && custom.ValueKind == JsonValueKind.Object
                        && custom.TryGetProperty("phase", out var phase) && string.Equals(phase.GetString(), "AwaitingSignature", StringComparison.OrdinalIgnoreCase);
                }
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"{waiting.Count(w => !w)} onboardings were not waiting for a signature after 20 minutes.");
            }

            await Task.Delay(200);
        }

        var allWaiting = watch.Elapsed;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(
            $"registrations ({(onAzurite ? "DurableTask.AzureStorage on Azurite" : "SQLite")}): {Nurses} at {AtATime} at a time in {registered.TotalSeconds:F1} s = {Nurses / registered.TotalSeconds:F1}/s; " +
            $"call p50 {sorted[Nurses / 2]:F0} ms, p99 {sorted[(int)Math.Ceiling(Nurses * 0.99) - 1]:F0} ms; every onboarding waiting for its first signature after {allWaiting.TotalSeconds:F1} s");
    }
}
