package com.alibaba.datax.common.spi;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.plugin.AbstractJobPlugin;
import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.util.Configuration;

import java.util.List;

/** Outer class of a writer plugin; the engine instantiates its nested {@code Job} and {@code Task}. */
public abstract class Writer extends BaseObject {

    public abstract static class Job extends AbstractJobPlugin {
        /**
         * @param mandatoryNumber the reader's slice count; the engine fails the job unless exactly this many
         *                        slices come back, because reader and writer slices are paired one to one
         */
        public abstract List<Configuration> split(int mandatoryNumber);
    }

    public abstract static class Task extends AbstractTaskPlugin {
        public abstract void startWrite(RecordReceiver lineReceiver);

        /** Whether the engine may rerun this task after a failure; rerunning must then be safe. */
        public boolean supportFailOver() {
            return false;
        }
    }
}
