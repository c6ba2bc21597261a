using System.Diagnostics;

namespace Workflows.TestSupport;

/// <summary>
/// The app as a real process on 127.0.0.1, started the way the Functions host starts a custom handler (its port in
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>), with a throwaway data folder. Browser tests and the registrations benchmark
/// both start it here.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, string dataDirectory, int port)
    {
        this.process = process;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Where the app listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's data folder (its outbox, documents, generated keys); deleted when the app is disposed.</summary>
    public string DataDirectory { get; }

    /// <summary>How long the app took to answer <c>/api/health</c>.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>The app's dll as this build made it (the configuration and framework of the calling assembly's output folder).</summary>
    public static string FunctionsDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryRoot.Path, "src", "Functions", "bin", output.Parent!.Name, output.Name, "Workflows.Functions.dll");
        }
    }

    /// <summary>Starts the app with <paramref name="environment"/> added to its environment and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var port = FreePorts.Next();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "functions-process", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(FunctionsDll)!,
        };
        start.ArgumentList.Add(FunctionsDll);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Host__DataDirectory"] = dataDirectory;
        foreach (var (name, value) in environment ?? [])
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

    /// <summary>A client with the app's address.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops the app and deletes its data folder.</summary>
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
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
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
