using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
    /// Waits (at most ten seconds: the app's worker sends a moment after the step that asks) for the one email to
    /// <paramref name="address"/> whose subject contains <paramref name="subject"/>, in the app's outbox folder.
    /// </summary>
    public async Task<MimeKit.MimeMessage> MailAsync(string address, string subject)
    {
        var folder = Path.Combine(dataDirectory, "outbox");
        for (var attempt = 0; ; attempt++)
        {
            var mail = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(path => MimeKit.MimeMessage.Load(path)).ToList() : [];
            if (attempt == 100 || mail.Any(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal)))
            {
                return NetworkScenario.To(mail, address, subject);
            }

            await Task.Delay(100);
        }
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
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering.");
            }

            try
            {
                using var response = await client.GetAsync("/api/health", guard.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the connection is refused until Kestrel is up.
            }

            await Task.Delay(25, guard.Token);
        }
    }
}
