using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workflows.Functions.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Observability;

/// <summary>The exporters the configuration names really send: OTLP to a collector on 127.0.0.1, Azure Monitor configured.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ExportTests
{
    [Fact]
    public async Task Otlp_endpoint_set_sends_traces_metrics_and_logs_to_the_collector()
    {
        var port = FreePorts.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new List<string>();
        var listening = Task.Run(async () =>
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                lock (received)
                {
                    received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var factory = new HostFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
        };
        await using (factory)
        {
            using var http = factory.Operator();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/networks")).StatusCode);

            // Each provider exports what it holds now, waiting as long as the export takes (a loaded machine is slow,
            // not wrong); the periodic exports would send the same later.
            Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush());
            Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush());
            Assert.True(factory.Services.GetRequiredService<LoggerProvider>().ForceFlush());
        }

        collector.Stop();
        await listening;
        lock (received)
        {
            Assert.Contains(received, r => r.StartsWith("POST /v1/traces application/x-protobuf", StringComparison.Ordinal));
            Assert.Contains(received, r => r.StartsWith("POST /v1/metrics application/x-protobuf", StringComparison.Ordinal));
            Assert.Contains(received, r => r.StartsWith("POST /v1/logs application/x-protobuf", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Application_Insights_connection_string_set_starts_the_Azure_Monitor_exporter()
    {
        await using var factory = new HostFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            },
        };
        using var http = factory.Operator();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/networks")).StatusCode);
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
    }
}
