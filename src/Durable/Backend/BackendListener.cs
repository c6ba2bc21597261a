using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Durable.Sidecar;

namespace Workflows.Durable;

/// <summary>
/// Serves the same sidecar protocol over TCP (HTTP/2 without TLS), so another process, or a Durable Task SDK of
/// another language, can use this backend as its sidecar. Off unless an address is configured; meant for loopback.
/// </summary>
internal sealed class BackendListener : IHostedService, IAsyncDisposable
{
    private readonly SidecarService sidecar;
    private readonly BackendListenAddress address;
    private readonly ILoggerFactory loggerFactory;
    private WebApplication? server;

    public BackendListener(SidecarService sidecar, BackendListenAddress address, ILoggerFactory loggerFactory)
    {
        this.sidecar = sidecar;
        this.address = address;
        this.loggerFactory = loggerFactory;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(sidecar);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address.EndPoint, listen => listen.Protocols = HttpProtocols.Http2));
        server = builder.Build();
        server.MapGrpcService<SidecarService>();
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        loggerFactory.CreateLogger<BackendListener>().LogInformation("The backend serves the sidecar protocol on {Address}.", address.EndPoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>Where <see cref="BackendListener"/> listens.</summary>
internal sealed record BackendListenAddress(IPEndPoint EndPoint)
{
    /// <summary>Reads <c>host:port</c> (an IP address; <c>localhost</c> means 127.0.0.1).</summary>
    public static BackendListenAddress Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Trim().Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase);
        return IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0
            ? new BackendListenAddress(endPoint)
            : throw new ArgumentException($"'{value}' is not an address to listen on: write host:port, for example 127.0.0.1:4001.", nameof(value));
    }
}
