using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Support;

/// <summary>The app as a real process on 127.0.0.1, started the way the Functions host starts a custom handler.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDirectory;

    private AppProcess(Process process, string dataDirectory, int port)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public TimeSpan StartedIn { get; private set; }

    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "functions-process", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.FunctionsDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.FunctionsDll);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Host__DataDirectory"] = dataDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        var app = new AppProcess(Process.Start(start)!, dataDirectory, port);
        app.process.OutputDataReceived += (_, _) => { };
        app.process.ErrorDataReceived += (_, _) => { };
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitForHealthAsync();
        app.StartedIn = watch.Elapsed;
        return app;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Waits for the one email to <paramref name="address"/> whose subject contains <paramref name="subject"/> in the
    /// app's outbox folder (the app's worker sends a moment after the step that asks). It gives up only when the
    /// outbox has stopped growing for a stretch, so a loaded machine makes it slower, not red.
    /// </summary>
    public async Task<MimeKit.MimeMessage> MailAsync(string address, string subject)
    {
        var folder = Path.Combine(dataDirectory, "outbox");
        List<MimeKit.MimeMessage> Mail() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(path => MimeKit.MimeMessage.Load(path)).ToList() : [];
        bool Arrived(IEnumerable<MimeKit.MimeMessage> mail) =>
            mail.Any(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));
        try
        {
            await Progress.WhileMovingAsync(
                async token =>
                {
                    while (!Arrived(Mail()))
                    {
                        await Task.Delay(100, token);
                    }
                },
                () => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0,
                $"no email with '{subject}'",
                stall: TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // Fall through: NetworkScenario.To names what the outbox does hold.
        }

        return NetworkScenario.To(Mail(), address, subject);
    }

    public string GeneratedKey => File.ReadAllText(Path.Combine(dataDirectory, "operator.key")).Trim();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForHealthAsync()
    {
        using var client = Client();
        // Starting a process is no workload: on a loaded machine it is only slower, so only a stall fails it.
        await Progress.WhileMovingAsync(token => AnsweredAsync(client, token), () => 0, "the app never answered /api/health");
    }

    private async Task AnsweredAsync(HttpClient client, CancellationToken cancellation)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering.");
            }

            try
            {
                using var response = await client.GetAsync("/api/health", cancellation);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the connection is refused until Kestrel is up.
            }

            await Task.Delay(25, cancellation);
        }
    }
}
