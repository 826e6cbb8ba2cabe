package org.jnmt.data;

import java.util.List;

/** The ids and spellings of the special tokens, the same in every vocabulary. */
public final class SpecialTokens {

    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int BOS = 2;
    public static final int EOS = 3;

    public static final String PAD_TOKEN = "<pad>";
    public static final String UNK_TOKEN = "<unk>";
    public static final String BOS_TOKEN = "<s>";
    public static final String EOS_TOKEN = "</s>";

    /** In id order. */
    public static final List<String> ALL = List.of(PAD_TOKEN, UNK_TOKEN, BOS_TOKEN, EOS_TOKEN);

    private SpecialTokens() {}
}
