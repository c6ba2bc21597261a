using System.Net;
using System.Net.Sockets;

namespace Workflows.TestSupport;

/// <summary>Ports on 127.0.0.1 nothing listens on, for the servers tests start themselves.</summary>
public static class FreePorts
{
    /// <summary>A port the system just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
