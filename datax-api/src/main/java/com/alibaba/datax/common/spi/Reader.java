package com.alibaba.datax.common.spi;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.plugin.AbstractJobPlugin;
import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.util.Configuration;

import java.util.List;

/** Outer class of a reader plugin; the engine instantiates its nested {@code Job} and {@code Task}. */
public abstract class Reader extends BaseObject {

    public static abstract class Job extends AbstractJobPlugin {
        /**
         * @param adviceNumber the channel count; returning at least this many slices lets every channel work
         */
        public abstract List<Configuration> split(int adviceNumber);
    }

    public static abstract class Task extends AbstractTaskPlugin {
        public abstract void startRead(RecordSender recordSender);
    }
}
