using System.Diagnostics;
using System.Globalization;

namespace ReviewRoom.Benchmarks;

public sealed record Person(int Id, IMember Member);

public sealed record Room(string Id, IReadOnlyList<Person> People);

/// <summary>
/// Open loop: edits leave on a fixed schedule whether or not earlier ones have been answered, so a
/// slow server shows as latency instead of as a slower sender. Each edit carries its send time;
/// every other person in its room measures on receipt, and the editor measures its "saved".
/// </summary>
public sealed class LoadGenerator(ITarget target)
{
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);
    private volatile Window? _open;
    private int _windows;
    private int _people;

    public ITarget Target => target;

    /// <summary>
    /// Rooms of people who joined the real way and are connected. The server's memory per connection
    /// goes in <paramref name="into"/>: what connecting the last nine tenths added, divided by them; the
    /// first tenth warms the server's code and pools up, which is paid once, not per connection.
    /// </summary>
    public async Task<IReadOnlyList<Room>> SetUpAsync(int rooms, int people, Measurement into)
    {
        var clock = Stopwatch.StartNew();
        var invited = new (string Room, string[] Invitations)[rooms];
        await Parallel.ForEachAsync(Enumerable.Range(0, rooms), Bounded(8), async (r, _) =>
        {
            var room = await target.CreateRoomAsync();
            var invitations = new string[people];
            for (var p = 0; p < people; p++)
            {
                invitations[p] = await target.InviteAsync(room);
            }

            invited[r] = (room, invitations);
        });

        var invitedIn = clock.Elapsed;
        var joined = Enumerable.Range(0, rooms).Select(_ => new Person[people]).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, rooms * people), Bounded(16), async (i, _) =>
        {
            var (room, invitations) = invited[i / people];
            joined[i / people][i % people] = new Person(Interlocked.Increment(ref _people), await target.JoinAsync(room, invitations[i % people]));
        });

        var joinedIn = clock.Elapsed;
        var everyone = joined.SelectMany(p => p).ToArray();
        var warmUp = Math.Max(1, everyone.Length / 10);
        await ConnectAsync(everyone[..warmUp]);
        var before = await SettledMemoryAsync();
        await ConnectAsync(everyone[warmUp..]);
        into.Connections = everyone.Length;
        if (everyone.Length > warmUp)
        {
            into.KilobytesPerConnection = (await SettledMemoryAsync() - before) / (double)(everyone.Length - warmUp);
        }

        Progress.Say($"{target.Name}: {rooms:N0} rooms of {people:N0}: invited in {invitedIn.TotalSeconds:F0} s, joined in {(joinedIn - invitedIn).TotalSeconds:F0} s, " +
            $"connected in {(clock.Elapsed - joinedIn).TotalSeconds:F0} s");
        return [.. invited.Select((room, r) => new Room(room.Room, joined[r]))];
    }

    /// <summary>Someone who joins later: counted in no room, so their receipts are not measured.</summary>
    public Task<IMember> JoinAsync(string room, string invitation) => target.JoinAsync(room, invitation);

    /// <summary>
    /// Sends <paramref name="edits"/> edits at <paramref name="rate"/> a second in all, spread over the rooms and,
    /// within a room, over its first <paramref name="editorsPerRoom"/> people (default all), then waits a moment for stragglers.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<Room> rooms, double rate, int edits, Measurement into, int? editorsPerRoom = null)
    {
        var window = new Window(Interlocked.Increment(ref _windows), into, CpuUse.Start(target.ProcessIds));
        _open = window;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < edits; i++)
        {
            await WaitUntilAsync(start + (long)(i * Stopwatch.Frequency / rate));

            var room = rooms[i % rooms.Count];
            var editor = room.People[i / rooms.Count % (editorsPerRoom ?? room.People.Count)];
            window.Sending(room.People.Count - 1);
            _ = SaveAsync(window, editor, i);
        }

        var giveUp = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (!window.Settled && Stopwatch.GetTimestamp() < giveUp)
        {
            await Task.Delay(20);
        }

        _open = null;
        window.Close(target.ProcessIds);
    }

    /// <summary>Waits until a moment on the schedule; times are absolute, so one late wake-up does not delay every later edit.</summary>
    public static async Task WaitUntilAsync(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
        }
    }

    /// <summary>A second of edits at the scenario's rate, not measured, so that neither server is timed while it compiles its code.</summary>
    public Task WarmUpAsync(IReadOnlyList<Room> rooms, double rate, int? editorsPerRoom = null) =>
        RunAsync(rooms, rate, (int)Math.Ceiling(rate), new Measurement(), editorsPerRoom);

    private async Task ConnectAsync(Person[] people) =>
        await Parallel.ForEachAsync(people, Bounded(32), async (person, _) => await person.Member.ConnectAsync(HearingFor(person.Id)));

    private Action<string> HearingFor(int person) => text =>
    {
        if (_open is { } window && EditText.TryRead(text, out var edit) && edit.Window == window.Id && edit.Editor != person)
        {
            window.Seen(Stopwatch.GetElapsedTime(edit.SentAt).TotalMilliseconds);
        }
    };

    private static async Task SaveAsync(Window window, Person editor, int number)
    {
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            await editor.Member.SendAsync(EditText.Write(window.Id, number, editor.Id, sentAt));
            window.Saved(number, Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
#pragma warning disable CA1031 // A refusal or a dropped connection, whatever its type, is counted and reported, not thrown.
        catch (Exception refusal)
#pragma warning restore CA1031
        {
            window.Refused(refusal.Message);
        }
    }

    private async Task<long> SettledMemoryAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return target.ProcessIds.Sum(ServerMemory.ResidentKilobytes);
    }

    private static ParallelOptions Bounded(int atOnce) => new() { MaxDegreeOfParallelism = atOnce };

    private sealed class Window(int id, Measurement into, CpuUse started)
    {
        private readonly Lock _gate = new();
        private long _sent, _expected, _delivered, _answered, _refused;
        private string? _refusal;
        private bool _closed;

        public int Id => id;

        public bool Settled
        {
            get
            {
                lock (_gate)
                {
                    return _delivered >= _expected && _answered + _refused >= _sent;
                }
            }
        }

        public void Sending(int others)
        {
            lock (_gate)
            {
                _sent++;
                _expected += others;
            }
        }

        public void Seen(double milliseconds)
        {
            lock (_gate)
            {
                if (!_closed)
                {
                    _delivered++;
                    into.AddSeen(milliseconds);
                }
            }
        }

        public void Saved(int number, double milliseconds)
        {
            lock (_gate)
            {
                if (!_closed)
                {
                    _answered++;
                    into.AddSaved(number, milliseconds);
                }
            }
        }

        public void Refused(string message)
        {
            lock (_gate)
            {
                _refused++;
                _refusal ??= message;
            }
        }

        public void Close(IReadOnlyList<int> serverProcessIds)
        {
            lock (_gate)
            {
                _closed = true;
                into.AddWindow(_sent, _expected, _delivered, _answered, _refused, _refusal, started.Since(serverProcessIds));
            }
        }
    }
}

/// <summary>An edit's text: which window, which edit, who sent it, and when (a Stopwatch timestamp of this process).</summary>
public readonly record struct EditText(int Window, int Number, int Editor, long SentAt)
{
    public static string Write(int window, int number, int editor, long sentAt) =>
        string.Create(CultureInfo.InvariantCulture, $"edit {window}:{number}:{editor}:{sentAt}");

    public static bool TryRead(string text, out EditText edit)
    {
        edit = default;
        var parts = text.StartsWith("edit ", StringComparison.Ordinal) ? text[5..].Split(':') : [];
        if (parts.Length != 4)
        {
            return false;
        }

        edit = new(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        return true;
    }
}
