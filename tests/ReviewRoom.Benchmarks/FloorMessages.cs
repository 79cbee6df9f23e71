using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace ReviewRoom.Benchmarks;

/// <summary>
/// The floor's wire format, both ends: a client sends an edit's text; the server answers its editor
/// with 'S' and the text (saved) and sends everyone else 'E' and the text.
/// </summary>
public static class FloorMessages
{
    public const byte SavedMark = (byte)'S';
    public const byte EditedMark = (byte)'E';

    public static byte[] Saved(byte[] text) => [SavedMark, .. text];

    public static byte[] Edited(byte[] text) => [EditedMark, .. text];

    public static async IAsyncEnumerable<byte[]> ReceiveAsync(WebSocket socket, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        while (true)
        {
            // Wait for data without holding a buffer, so an idle connection costs no more than its socket (as in Kestrel and SignalR).
            if ((await socket.ReceiveAsync(Memory<byte>.Empty, cancel)).MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.CopyTo(larger, 0);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    received = await socket.ReceiveAsync(buffer.AsMemory(length), cancel);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        yield break;
                    }

                    length += received.Count;
                }
                while (!received.EndOfMessage);

                yield return buffer[..length];
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
