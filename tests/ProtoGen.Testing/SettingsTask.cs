using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;

namespace ProtoGen.Testing;

/// <summary>
/// The settings of one verification, changed fluently and run when awaited, like Verify's
/// <c>SettingsTask</c>. Settings cannot change once the task has been awaited.
/// </summary>
public sealed class SettingsTask
{
    private readonly string target;
    private readonly string sourceFile;
    private readonly List<Action<StringBuilder>> scrubbers = [];
    private readonly SnapshotName name;
    private Func<string, string?> getEnvironmentVariable = Environment.GetEnvironmentVariable;
    private Task? task;

    internal SettingsTask(string target, string sourceFile, string methodName)
    {
        this.target = target;
        this.sourceFile = sourceFile;
        name = new SnapshotName(methodName);
    }

    /// <summary>Sets the snapshot file extension; the default is <c>txt</c>.</summary>
    /// <param name="extension">The extension, with or without a leading dot, such as <c>cs</c>.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseExtension(string extension) =>
        Change(() => name.Extension = SnapshotName.RequireText(extension, nameof(extension)).TrimStart('.'));

    /// <summary>
    /// Sets the directory of the snapshot files: relative to the test source file's directory,
    /// or absolute.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseDirectory(string directory) =>
        Change(() => name.Directory = SnapshotName.RequireText(directory, nameof(directory)));

    /// <summary>
    /// Replaces the whole <c>{Class}.{Method}_{Parameters}</c> part of the file names. Cannot be
    /// combined with the other naming methods.
    /// </summary>
    /// <param name="fileName">The file name prefix.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseFileName(string fileName) =>
        Change(() => name.FileName = SnapshotName.RequireText(fileName, nameof(fileName)));

    /// <summary>Replaces the <c>{Method}</c> part of the file names.</summary>
    /// <param name="methodName">The method name to use.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseMethodName(string methodName) =>
        Change(() => name.MethodName = SnapshotName.RequireText(methodName, nameof(methodName)));

    /// <summary>
    /// Replaces the <c>{Class}</c> part of the file names, which defaults to the test source
    /// file's name without <c>.cs</c>.
    /// </summary>
    /// <param name="typeName">The type name to use.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseTypeName(string typeName) =>
        Change(() => name.TypeName = SnapshotName.RequireText(typeName, nameof(typeName)));

    /// <summary>
    /// Appends the parameter values to the file names as <c>_p1=v1_p2=v2</c>, numbered by
    /// position (Verify names them after the test method's parameters instead).
    /// </summary>
    /// <param name="parameters">The values, formatted with the invariant culture.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseParameters(params object?[] parameters) =>
        Change(() => name.ParametersText = SnapshotName.FormatParameters(parameters));

    /// <summary>Appends <c>_{text}</c> to the file names in place of the parameters.</summary>
    /// <param name="text">The text; characters not allowed in file names become <c>-</c>.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseTextForParameters(string text) =>
        Change(() => name.ParametersText = SnapshotName.RequireText(text, nameof(text)));

    /// <summary>
    /// Adds a scrubber. Scrubbers run in the order added, after line endings are normalized to
    /// <c>\n</c> and before comparison.
    /// </summary>
    /// <param name="scrubber">Edits the text in place.</param>
    /// <returns>This instance.</returns>
    public SettingsTask AddScrubber(Action<StringBuilder> scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        return Change(() => scrubbers.Add(scrubber));
    }

    /// <summary>Removes every line that contains any of the fragments (ordinal comparison).</summary>
    /// <param name="fragments">Non-empty fragments.</param>
    /// <returns>This instance.</returns>
    public SettingsTask ScrubLinesContaining(params string[] fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        foreach (var fragment in fragments)
        {
            SnapshotName.RequireText(fragment, nameof(fragments));
        }

        var copy = (string[])fragments.Clone();
        return AddScrubber(text => Scrubbing.ScrubLines(
            text,
            line => Array.Exists(copy, fragment => line.Contains(fragment, StringComparison.Ordinal)) ? null : line));
    }

    /// <summary>
    /// Replaces each line by the function's result; a <see langword="null"/> result removes the
    /// line and its newline.
    /// </summary>
    /// <param name="replace">Maps a line (without its newline) to its replacement.</param>
    /// <returns>This instance.</returns>
    public SettingsTask ScrubLinesWithReplace(Func<string, string?> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        return AddScrubber(text => Scrubbing.ScrubLines(text, replace));
    }

    /// <summary>
    /// Replaces a directory path by <paramref name="replacement"/>, written with <c>/</c> or
    /// <c>\</c> separators, whether or not a separator follows it. An occurrence that continues
    /// as a longer name (<c>/repo</c> in <c>/repository</c>) is left alone.
    /// </summary>
    /// <param name="path">The directory, such as the test project's directory.</param>
    /// <param name="replacement">The text to put in its place, such as <c>{ProjectDirectory}</c>.</param>
    /// <returns>This instance.</returns>
    public SettingsTask ScrubPath(string path, string replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var regex = Scrubbing.PathRegex(path);
        return AddScrubber(text => Scrubbing.Replace(text, regex, _ => replacement));
    }

    /// <summary>
    /// Replaces version numbers (three or four numeric parts, with an optional
    /// <c>-prerelease</c> and <c>+build</c> suffix, such as <c>2.85.0</c>, <c>10.0.401</c> or
    /// <c>3.36.2-preview1</c>) by <c>{version}</c> in two contexts only: a whole path segment
    /// (after <c>/</c> or <c>\</c>, followed by a separator, a quote, whitespace or the end), and
    /// directly after a word ending in <c>version</c> (any case) followed by <c>=</c>,
    /// <c>="</c>, <c>='</c> or one space. Other numbers are left alone.
    /// </summary>
    /// <returns>This instance.</returns>
    public SettingsTask ScrubVersions() =>
        AddScrubber(text => Scrubbing.Replace(text, Scrubbing.VersionRegex(), _ => "{version}"));

    /// <summary>Runs the verification (once) and returns its awaiter.</summary>
    /// <returns>The awaiter; awaiting throws <see cref="SnapshotMismatchException"/> on a mismatch.</returns>
    public TaskAwaiter GetAwaiter()
    {
        if (task is null)
        {
            var run = new Task(Run);
            run.RunSynchronously();
            task = run;
        }

        return task.GetAwaiter();
    }

    /// <summary>Replaces how environment variables are read, so tests can isolate themselves.</summary>
    internal SettingsTask UseEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return Change(() => getEnvironmentVariable = getVariable);
    }

    private SettingsTask Change(Action change)
    {
        if (task is not null)
        {
            throw new InvalidOperationException("Settings cannot change after the verification has run.");
        }

        change();
        return this;
    }

    private void Run()
    {
        var received = Scrubbing.Apply(target, scrubbers);
        var paths = name.Resolve(sourceFile);
        SnapshotEngine.Compare(received, paths, getEnvironmentVariable);
    }
}
