using System.Net;
using System.Net.Sockets;

namespace ReviewRoom.TestHost;

/// <summary>A port on the loopback address that nothing listens on just now, for a server a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
