using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workflows.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable;

namespace Workflows.Functions.Tests.Support;

/// <summary>
/// The host in memory with a throwaway data directory, a known operator key, a small body limit, and test
/// orchestrations: "Echo" returns its input, "Approval" waits for an "Approved" event.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    /// <summary>A fake clock for the host and its engine; the system clock when null.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>The host's data directory (outbox, documents, databases).</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>Extra services, registered after the host's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Extra configuration, for example another engine store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public const string Key = "test-operator-key";
    public const int BodyLimit = 4096;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "functions-tests", Guid.NewGuid().ToString("N"));

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Waits until the host's backend has nothing due or handed out; fails only if it stops making progress first.</summary>
    public Task IdleAsync()
    {
        var backend = Services.GetRequiredService<IDurableTaskBackendMonitor>();
        return Progress.WhileMovingAsync(backend.WaitForIdleAsync, () => backend.WorkItemsCompleted, "the host's backend never became idle");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Host:DataDirectory", dataDirectory);
        builder.UseSetting("Host:MaxRequestBodyBytes", BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("FunctionKeys:test", Key);

        // The wheel's daily timer stays off unless a test turns it on: other tests move the clock by weeks.
        builder.UseSetting("Workflows:WheelTickSchedule", string.Empty);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ExtraServices is { } extra)
        {
            builder.ConfigureTestServices(extra);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        builder.ConfigureTestServices(services => services.Configure<DurableTaskRegistry>(Microsoft.Extensions.Options.Options.DefaultName, r => r
            .AddOrchestratorFunc<System.Text.Json.JsonElement?, System.Text.Json.JsonElement?>("Echo", (_, input) => Task.FromResult(input))
            .AddOrchestratorFunc<string?, string>("Approval", async (ctx, input) =>
            {
                ctx.SetCustomStatus(new { waitingFor = "approval" });
                var answer = await ctx.WaitForExternalEvent<string>("Approved");
                return $"{input}:{answer}";
            })));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
